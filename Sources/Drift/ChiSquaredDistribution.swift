import Foundation

/// The chi-squared distribution's upper tail, `scipy.stats.chi2.sf(x, df)`, through the
/// regularized upper incomplete gamma function `Q(df/2, x/2)`.
package enum ChiSquaredDistribution {
    /// `P(X ≥ x)` for X ~ χ²(degreesOfFreedom); 1 for x ≤ 0, NaN for df ≤ 0 or NaN input.
    package static func survival(_ x: Double, degreesOfFreedom: Double) -> Double {
        guard degreesOfFreedom > 0, !x.isNaN else { return .nan }
        if x <= 0 { return 1 }
        if x == .infinity { return 0 }
        return regularizedUpperGamma(degreesOfFreedom / 2, x / 2)
    }

    /// `Q(a, x) = Γ(a, x) / Γ(a)`: the series for P = 1 − Q where it converges fast
    /// (x < a + 1, where Q is not small, so 1 − P loses nothing), Lentz's continued
    /// fraction for Q itself elsewhere (where Q may be tiny and must keep its digits).
    package static func regularizedUpperGamma(_ a: Double, _ x: Double) -> Double {
        guard a > 0, x >= 0, !a.isNaN, !x.isNaN else { return .nan }
        if x == 0 { return 1 }
        // log of x^a e^-x / Γ(a), the factor both expansions share.
        let logPrefactor = a * log(x) - x - lgamma(a)
        if x < a + 1 {
            var term = 1 / a, sum = term, denominator = a
            for _ in 0..<100_000 {
                denominator += 1
                term *= x / denominator
                sum += term
                if abs(term) < abs(sum) * 1e-17 { break }
            }
            return min(max(1 - sum * exp(logPrefactor), 0), 1)
        }
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var fraction = d
        for i in 1..<100_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let step = d * c
            fraction *= step
            if abs(step - 1) < 1e-16 { break }
        }
        return min(max(exp(logPrefactor) * fraction, 0), 1)
    }
}
