import Foundation

/// The Pelz–Good expansion (scipy's `_kolmogn_PelzGood`), for large n.
extension KolmogorovDistribution {
    /// `P(D_n ≤ x)` ≈ K0(z) + K1(z)/√n + K2(z)/n + K3(z)/n^1.5 with z = x√n, each term
    /// in its Jacobi-theta form, which converges fast for the small z it is used at.
    static func pelzGoodCDF(n: Int, x: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let pi = Double.pi, piSquared = pi * pi, piFour = piSquared * piSquared, piSix = piFour * piSquared
        let z = Double(n).squareRoot() * x
        let z2 = z * z, z3 = z2 * z, z4 = z2 * z2, z6 = z4 * z2
        let qLog = -piSquared / 8 / z2
        if qLog < -708 { return 0 }
        var q = exp(qLog)
        let k1a = -z2, k1b = piSquared / 4
        let k2a = 6 * z6 + 2 * z4
        let k2b = (2 * z4 - 5 * z2) * piSquared / 4
        let k2c = piFour * (1 - 2 * z2) / 16
        let k3d = piSix * (5 - 30 * z2) / 64
        let k3c = piFour * (-60 * z2 + 212 * z4) / 16
        let k3b = piSquared * (135 * z4 - 96 * z6) / 4
        let k3a = -30 * z6 - 90 * pow(z, 8)
        var terms = [0.0, 0.0, 0.0, 0.0]
        let maxK = Int((16 * z / pi).rounded(.up))
        if maxK >= 1 {
            for k in stride(from: maxK, through: 1, by: -1) {
                let m = Double(2 * k - 1)
                let m2 = m * m, m4 = m2 * m2, m6 = m4 * m2
                let qPower = pow(q, Double(8 * k))
                let coefficients = [
                    1.0, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6,
                ]
                for index in 0..<4 { terms[index] = terms[index] * qPower + coefficients[index] }
            }
        }
        let sqrtTwoPi = (2 * pi).squareRoot()
        let divisors = [z, 6 * z4, 72 * pow(z, 7), 6480 * pow(z, 10)]
        for index in 0..<4 { terms[index] = terms[index] * q * sqrtTwoPi / divisors[index] }
        q = exp(-piSquared / 2 / z2)
        var k2Extra = 0.0, k3Extra = 0.0
        let sqrt3z = 3.0.squareRoot() * z
        if maxK >= 1 {
            for k in stride(from: maxK, through: 1, by: -1) {
                let kSquared = Double(k * k)
                let qPower = pow(q, kSquared)
                let kPi = pi * Double(k)
                k2Extra += kSquared * qPower
                k3Extra += (sqrt3z + kPi) * (sqrt3z - kPi) * kSquared * qPower
            }
        }
        terms[2] += k2Extra * piSquared * sqrtTwoPi / (-36 * z3)
        terms[3] += k3Extra * piSquared * sqrtTwoPi / (216 * z6)
        let size = Double(n)
        return (0..<4).reduce(0.0) { $0 + terms[$1] / pow(size, Double($1) / 2) }
    }
}
