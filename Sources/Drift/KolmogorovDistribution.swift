import Foundation

/// The distribution of the one-sample two-sided Kolmogorov statistic `D_n` for a
/// finite n: scipy's `kstwo`, which `ks_2samp` evaluates at the effective size
/// `round(n1·n2 / (n1 + n2))` when it does not count paths exactly.
///
/// A port of scipy's `_kolmogn` (Simard & L'Ecuyer's choice of method by region):
/// Ruben–Gambino closed forms at both ends, twice the one-sided Smirnov tail for
/// large deviations, Durbin's matrix (Marsaglia–Tsang–Wang) and Pomeranz's recursion
/// for small n, and the Pelz–Good expansion for large n. The same regions and
/// thresholds as scipy keep the p-values equal to its own, not only close.
package enum KolmogorovDistribution {
    /// `P(D_n ≥ statistic)`, clipped to [0, 1]; NaN when n is not positive.
    package static func survival(size n: Int, statistic x: Double) -> Double {
        guard n > 0, !x.isNaN else { return .nan }
        if x >= 1 { return 0 }
        if x <= 0 { return 1 }
        let t = Double(n) * x
        if t <= 1 {
            // Ruben–Gambino: below 1/(2n) D_n cannot fall; up to 1/n a closed product.
            if t <= 0.5 { return 1 }
            let cdf: Double
            if n <= 140 {
                var product = 1.0
                for i in 1...n { product *= Double(i) * (1 / Double(n)) * (2 * t - 1) }
                cdf = product
            } else {
                cdf = exp(logFactorialOverPower(n) + Double(n) * log(2 * t - 1))
            }
            return clip(1 - cdf)
        }
        if t >= Double(n - 1) { return clip(2 * pow(1 - x, Double(n))) }
        if x >= 0.5 { return clip(2 * SmirnovDistribution.survival(size: n, statistic: x)) }
        let nxSquared = t * x
        if n <= 140 {
            if nxSquared <= 0.754693 { return clip(1 - durbinMatrixCDF(n: n, d: x)) }
            if nxSquared <= 4 { return clip(1 - pomeranzCDF(n: n, x: x)) }
            return clip(2 * SmirnovDistribution.survival(size: n, statistic: x))
        }
        if nxSquared >= 370 { return 0 }
        if nxSquared >= 2.2 { return clip(2 * SmirnovDistribution.survival(size: n, statistic: x)) }
        let cdf = n <= 100_000 && Double(n) * pow(x, 1.5) <= 1.4
            ? durbinMatrixCDF(n: n, d: x)
            : pelzGoodCDF(n: n, x: x)
        return clip(1 - cdf)
    }

    static func clip(_ p: Double) -> Double { p.isNaN ? p : min(max(p, 0), 1) }

    /// `log(n! / n^n)` by Stirling's series, as scipy's `_log_nfactorial_div_n_pow_n`.
    static func logFactorialOverPower(_ n: Int) -> Double {
        let coefficients = [
            -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3, 8.4175084175084175084e-4,
            -5.952380952380952381e-4, 7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2,
        ]
        let size = Double(n), reciprocal = 1 / size
        let argument = reciprocal / size
        let series = coefficients.reduce(0.0) { $0 * argument + $1 }
        return log(size) / 2 - size + log(2 * Double.pi) / 2 + reciprocal * series
    }

    /// 2^128 and 2^-128: the rescaling steps that keep matrix powers and long products
    /// inside the double range, tracked as a separate binary exponent (as scipy does).
    static let bigScale = 0x1p128
    static let smallScale = 0x1p-128
}
