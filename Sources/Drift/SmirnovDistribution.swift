import Foundation

/// The one-sided Kolmogorov (Smirnov) statistic `D_n⁺`: scipy's `special.smirnov`,
/// which the two-sided distribution doubles for large deviations.
///
/// The Birnbaum–Tingey sum `x · Σ_v C(n,v) (1−x−v/n)^(n−v) (x+v/n)^(v−1)` has only
/// positive terms, so each is formed in logarithms (the binomial coefficient
/// updated term by term) and summed in double precision; scipy's double-double
/// arithmetic buys digits beyond the 1e-6 relative accuracy this module promises.
package enum SmirnovDistribution {
    /// Below this `exp` underflows to zero (cephes' MINLOG).
    static let minimumLog = -7.451332191019412076235e2
    /// Above this size scipy switches to a closed-form approximation.
    static let largestSummedSize = 1_000_000

    /// `P(D_n⁺ ≥ x)`; NaN outside n > 0, 0 ≤ x ≤ 1.
    package static func survival(size n: Int, statistic x: Double) -> Double {
        guard n > 0, x >= 0, x <= 1 else { return .nan }
        if n == 1 { return 1 - x }
        if x == 0 { return 1 }
        if x == 1 { return 0 }
        let size = Double(n)
        let nx = size * x
        var floorNX = nx.rounded(.down)
        var alpha = nx - floorNX
        if alpha >= 1 {
            floorNX += 1
            alpha = 0
        }
        if floorNX == 0 || (floorNX == 1 && alpha == 0) {
            // x ≤ 1/n: the sum has one term.
            return 1 - x * pow(1 + x, size - 1)
        }
        if -2 * size * x * x < minimumLog { return 0 }
        if floorNX >= size - 1 { return pow(1 - x, size) }
        if n > largestSummedSize {
            let logP = -pow(6 * nx + 1, 2) / 18 / size
            // Small tails straight from the exponential, large ones as 1 − cdf (scipy's split).
            return logP < -log(2.0) ? exp(logP) : 1 - (-expm1(logP))
        }
        // Terms v = 0 … ⌊n(1−x)⌋ (the last one left out when n(1−x) is an integer: it is 0).
        let lastTerm = n - Int(floorNX) - 1
        var logBinomial = 0.0
        var sum = 0.0
        for v in 0...max(lastTerm, 0) {
            let value = Double(v)
            let below = (size - value) / size - x
            let above = value / size + x
            guard below > 0 else { break }
            let logTerm = logBinomial + (size - value) * log(below) + (value - 1) * log(above)
            let term = exp(logTerm)
            sum += term
            // The terms rise and then fall steeply: stop once the rest cannot matter.
            if term > 0, 4 * Double(lastTerm + 1 - v) * term < Double.ulpOfOne * sum, v != lastTerm { break }
            if term == 0, v > n / 2 { break }
            logBinomial += log((size - value) / (value + 1))
        }
        return min(max(x * sum, 0), 1)
    }
}
