import Foundation

/// The exact two-sided p-value of the two-sample test, as scipy's
/// `_attempt_exact_2kssamp`: counting lattice paths from (0, 0) to (n1, n2).
extension KolmogorovSmirnov {
    /// The statistic snapped to the lattice `h / lcm(n1, n2)` and the probability that
    /// a random path strays at least that far, or nil for the probability when the
    /// computation does not give a finite probability (scipy then uses the asymptotic form).
    static func exactProbability(n1: Int, n2: Int, statistic: Double) -> (statistic: Double, probability: Double?) {
        let g = greatestCommonDivisor(n1, n2)
        let lcm = (n1 / g) * n2
        // numpy.round rounds half to even; the product is near an integer in practice.
        let h = Int((statistic * Double(lcm)).rounded(.toNearestOrEven))
        let snapped = Double(h) / Double(lcm)
        guard h > 0 else { return (snapped, 1) }
        let probability = n1 == n2
            ? probabilityOutsideSquare(n: n1, h: h)
            : probabilityOutsideBand(n1, n2, g: g, h: h)
        guard probability.isFinite, probability >= 0, probability <= 1 else { return (snapped, nil) }
        return (snapped, probability)
    }

    /// scipy's `_compute_prob_outside_square`: `P(D ≥ h/n)` for two samples of size n,
    /// the alternating binomial sum evaluated Horner-style so it does not cancel.
    static func probabilityOutsideSquare(n: Int, h: Int) -> Double {
        var total = 0.0
        var k = n / h
        while k >= 0 {
            var term = 1.0
            for j in 0..<h {
                term = Double(n - k * h - j) * term / Double(n + k * h + j + 1)
            }
            total = term * (1 - total)
            k -= 1
        }
        return 2 * total
    }

    /// scipy's `_compute_outer_prob_inside_method`: 1 − the share of lattice paths that
    /// stay strictly inside `|x/m − y/n| < h / lcm`, computed directly as 1 − p column by
    /// column over a sliding window (Viehmann's recursion), which neither overflows nor cancels.
    static func probabilityOutsideBand(_ first: Int, _ second: Int, g: Int, h: Int) -> Double {
        let m = max(first, second), n = min(first, second)
        let mg = m / g, ng = n / g
        var minJ = 0
        var maxJ = min(Int((Double(h) / Double(mg)).rounded(.up)), n + 1)
        var currentLength = maxJ - minJ
        let length = min(2 * maxJ + 2, n + 1)
        var column = [Double](repeating: 1, count: max(length, 1))
        for index in minJ..<min(maxJ, column.count) { column[index] = 0 }
        // 1/(i + j) for every i + j the recursion meets: a multiply instead of a divide in
        // the inner loop (it runs up to 10⁸ times at 10⁴ rows); the results stay within
        // a few ulps of scipy's per step, far inside the 1e-6 the p-value must meet.
        let reciprocals = (0...(m + n + 1)).map { $0 == 0 ? 0 : 1 / Double($0) }
        return column.withUnsafeMutableBufferPointer { a -> Double in
            for i in 1...max(m, 1) {
                let lastMinJ = minJ, lastLength = currentLength
                minJ = max(Int((Double(ng * i - h) / Double(mg)).rounded(.down)) + 1, 0)
                minJ = min(minJ, n)
                maxJ = min(Int((Double(ng * i + h) / Double(mg)).rounded(.up)), n + 1)
                if maxJ <= minJ { return 1 }
                var value = minJ == 0 ? 0.0 : 1.0
                for jj in 0..<(maxJ - minJ) {
                    let j = jj + minJ
                    let source = jj + minJ - lastMinJ
                    guard source >= 0, source < a.count, jj < a.count else { return .nan }
                    value = (a[source] * Double(i) + value * Double(j)) * reciprocals[i + j]
                    a[jj] = value
                }
                currentLength = maxJ - minJ
                if lastLength > currentLength {
                    // Entries the window leaves behind are paths already outside: 1.
                    let start = maxJ - minJ, end = min(start + (lastLength - currentLength), a.count)
                    if start < end { for index in start..<end { a[index] = 1 } }
                }
            }
            let last = maxJ - minJ - 1
            return last >= 0 && last < a.count ? a[last] : .nan
        }
    }

    static func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
        var (x, y) = (abs(a), abs(b))
        while y != 0 { (x, y) = (y, x % y) }
        return max(x, 1)
    }
}
