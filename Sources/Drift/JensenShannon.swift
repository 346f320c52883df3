import Foundation

/// The Jensen–Shannon distance between two binned distributions, as
/// `scipy.spatial.distance.jensenshannon(p, q, base=2)`: `sqrt((KL(p‖m) + KL(q‖m)) / 2)`
/// with `m = (p + q) / 2` and logarithms to base 2, so the distance lies in [0, 1].
/// Base 2 is what Evidently passes, and its default threshold of 0.1 is meant for it
/// (scipy's own default, the natural logarithm, gives values √ln2 ≈ 0.83 times as large).
///
/// Counts are normalised to proportions first, as scipy does; empty bins need no
/// floor, since `0 · ln 0` is taken as 0.
package enum JensenShannon {
    /// The distance between two count vectors over the same bins; nil when either is
    /// empty or the lengths differ.
    package static func distance(referenceCounts: [Double], currentCounts: [Double]) -> Double? {
        guard referenceCounts.count == currentCounts.count,
              let p = PopulationStabilityIndex.proportions(referenceCounts),
              let q = PopulationStabilityIndex.proportions(currentCounts) else { return nil }
        var divergence = 0.0
        for (a, b) in zip(p, q) {
            let m = (a + b) / 2
            if a > 0 { divergence += a * log(a / m) }
            if b > 0 { divergence += b * log(b / m) }
        }
        return (max(divergence, 0) / log(2.0) / 2).squareRoot()
    }

    /// The distance of a numeric column over the reference's decile bins.
    package static func distance(bins: QuantileBins, current: NumericSample) -> Double? {
        distance(referenceCounts: bins.referenceCounts.map(Double.init), currentCounts: bins.currentCounts(current).map(Double.init))
    }

    /// The distance over categories, each category of either side its own bin.
    package static func distance(reference: CategoricalSample, current: CategoricalSample) -> Double? {
        let categories = CategoricalSample.categories(reference, current)
        return distance(referenceCounts: reference.counts(for: categories), currentCounts: current.counts(for: categories))
    }
}
