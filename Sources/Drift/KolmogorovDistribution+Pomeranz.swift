import Foundation

/// Pomeranz's recursion (scipy's `_kolmogn_Pomeranz`), for small n in the middle range.
extension KolmogorovDistribution {
    /// `P(D_n ≤ x)` by 2n + 1 convolution steps over the rows of Pomeranz's table.
    static func pomeranzCDF(n: Int, x: Double) -> Double {
        let t = Double(n) * x
        let ll = Int(t.rounded(.down))
        let f = t - Double(ll)
        let g = min(f, 1 - f)
        let ceilF = f > 0 ? 1 : 0
        let roundF = f > 0.5 ? 1 : 0
        let powerCount = 2 * (ll + 1)
        // (g/n)^m/m!, (2g/n)^m/m! and ((1-2g)/n)^m/m!: the three kernels the rows use.
        var gPower = [Double](repeating: 1, count: powerCount)
        var twoGPower = gPower, oneMinusTwoGPower = gPower
        let size = Double(n)
        for m in 1..<max(powerCount, 1) {
            gPower[m] = gPower[m - 1] * (g / size) / Double(m)
            twoGPower[m] = twoGPower[m - 1] * (2 * g / size) / Double(m)
            oneMinusTwoGPower[m] = oneMinusTwoGPower[m - 1] * ((1 - 2 * g) / size) / Double(m)
        }
        var previous = [Double](repeating: 0, count: powerCount)
        var current = [Double](repeating: 0, count: powerCount)
        current[0] = 1
        var previousStart = 0, currentStart = 0
        var exponent = 0
        var (j1, j2) = pomeranzBounds(row: 0, n: n, ll: ll, ceilF: ceilF, roundF: roundF)
        for i in 1..<(2 * n + 2) {
            let k1 = j1
            swap(&previous, &current)
            swap(&previousStart, &currentStart)
            for index in current.indices { current[index] = 0 }
            (j1, j2) = pomeranzBounds(row: i, n: n, ll: ll, ceilF: ceilF, roundF: roundF)
            let powers = i == 1 || i == 2 * n + 1 ? gPower : (i % 2 == 1 ? twoGPower : oneMinusTwoGPower)
            let width = j2 - k1 + 1
            guard width > 0 else { continue }
            let offset = k1 - previousStart
            let firstUsed = j1 - k1, usedCount = j2 - j1 + 1
            // Only the entries of the full convolution that the row keeps are computed.
            for out in 0..<max(usedCount, 0) {
                let position = firstUsed + out
                var sum = 0.0
                let low = max(0, position - (width - 1)), high = min(position, width - 1)
                guard low <= high else { continue }
                for a in low...high {
                    let index = offset + a, powerIndex = position - a
                    guard index >= 0, index < previous.count, powerIndex < powers.count else { continue }
                    sum += previous[index] * powers[powerIndex]
                }
                if out < current.count { current[out] = sum }
            }
            if let largest = current.max(), largest > 0, largest < smallScale {
                for index in current.indices { current[index] *= bigScale }
                exponent -= 128
            }
            currentStart = previousStart + j1 - k1
        }
        let finalIndex = n - currentStart
        guard finalIndex >= 0, finalIndex < current.count else { return .nan }
        var answer = current[finalIndex]
        for m in 1...n {
            if abs(answer) > bigScale {
                answer *= smallScale
                exponent += 128
            }
            answer *= Double(m)
        }
        if exponent != 0 { answer = scalbn(answer, exponent) }
        return clip(answer)
    }

    /// The first and last column Pomeranz's row `row` can reach (`_pomeranz_compute_j1j2`).
    private static func pomeranzBounds(row i: Int, n: Int, ll: Int, ceilF: Int, roundF: Int) -> (Int, Int) {
        let j1: Int, j2: Int
        if i == 0 {
            (j1, j2) = (-ll - ceilF - 1, ll + ceilF - 1)
        } else {
            let half = (i + 1) / 2, isOdd = (i + 1) % 2 == 0
            if isOdd {
                if half == n + 1 {
                    (j1, j2) = (n - ll - ceilF - 1, n + ll + ceilF - 1)
                } else {
                    (j1, j2) = (half - 1 - ll - roundF - 1, half + ll - 1 + ceilF - 1)
                }
            } else {
                (j1, j2) = (half - 1 - ll - 1, half + ll + roundF - 1)
            }
        }
        return (max(j1 + 2, 0), min(j2, n))
    }
}
