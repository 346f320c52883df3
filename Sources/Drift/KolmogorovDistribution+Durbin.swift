import Foundation

/// Durbin's matrix method in Marsaglia, Tsang and Wang's form (scipy's `_kolmogn_DMTW`).
extension KolmogorovDistribution {
    /// `P(D_n ≤ d)` as the (k, k) entry of the n-th power of an m×m matrix
    /// (m = 2k − 1, k = ⌈nd⌉) times n!/n^n; powers are rescaled by 2^128 as they grow.
    static func durbinMatrixCDF(n: Int, d: Double) -> Double {
        if d >= 1 { return 1 }
        let nd = Double(n) * d
        if nd <= 0.5 { return 0 }
        let k = Int(nd.rounded(.up))
        let h = Double(k) - nd
        let m = 2 * k - 1
        var v = [Double](repeating: 0, count: m), w = [Double](repeating: 0, count: m)
        var factor = 1.0
        for j in 1...m {
            w[j - 1] = factor
            factor /= Double(j)
            v[j - 1] = (1 - pow(h, Double(j))) * factor
        }
        let tail = pow(max(2 * h - 1, 0), Double(m)) - 2 * pow(h, Double(m))
        v[m - 1] = (1 + tail) * factor
        var matrix = SquareMatrix(size: m)
        for i in 1..<max(m, 1) where i < m {
            for row in (i - 1)..<m { matrix[row, i] = w[row - (i - 1)] }
        }
        for row in 0..<m { matrix[row, 0] = v[row] }
        for column in 0..<m { matrix[m - 1, column] = v[m - 1 - column] }

        var power = SquareMatrix.identity(size: m)
        var exponent = 0, matrixExponent = 0
        var remaining = n
        while remaining > 0 {
            if remaining % 2 == 1 {
                power = power * matrix
                exponent += matrixExponent
            }
            matrix = matrix * matrix
            matrixExponent *= 2
            if abs(matrix[k - 1, k - 1]) > bigScale {
                matrix.scale(by: smallScale)
                matrixExponent += 128
            }
            remaining /= 2
        }
        var p = power[k - 1, k - 1]
        for i in 1...n {
            p = Double(i) * p / Double(n)
            if abs(p) < smallScale {
                p *= bigScale
                exponent -= 128
            }
        }
        if exponent != 0 { p = scalbn(p, exponent) }
        return clip(p)
    }
}
