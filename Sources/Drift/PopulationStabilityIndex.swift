import Foundation

/// The population stability index `Σ (c − r) · ln(c / r)` over matching bins, where r
/// and c are the reference and current proportions.
///
/// An empty bin's proportion becomes `DriftDefaults.emptyBinFloor` (1e-4) on either
/// side before the sum — Evidently's floor too, which it lowers only when some other
/// bin is itself below 1e-4; proportions are not renormalised after, so a bin empty
/// on both sides adds exactly 0.
package enum PopulationStabilityIndex {
    /// PSI of two count vectors over the same bins; nil when either is empty or the
    /// lengths differ.
    package static func index(referenceCounts: [Double], currentCounts: [Double]) -> Double? {
        guard referenceCounts.count == currentCounts.count,
              let reference = proportions(referenceCounts), let current = proportions(currentCounts) else { return nil }
        return zip(reference, current).reduce(0.0) { sum, pair in
            let r = max(pair.0, 0) == 0 ? DriftDefaults.emptyBinFloor : pair.0
            let c = max(pair.1, 0) == 0 ? DriftDefaults.emptyBinFloor : pair.1
            return sum + (c - r) * log(c / r)
        }
    }

    /// PSI of a numeric column over the reference's decile bins.
    package static func index(bins: QuantileBins, current: NumericSample) -> Double? {
        index(referenceCounts: bins.referenceCounts.map(Double.init), currentCounts: bins.currentCounts(current).map(Double.init))
    }

    /// PSI over categories, each category of either side its own bin.
    package static func index(reference: CategoricalSample, current: CategoricalSample) -> Double? {
        let categories = CategoricalSample.categories(reference, current)
        return index(referenceCounts: reference.counts(for: categories), currentCounts: current.counts(for: categories))
    }

    /// Counts as shares of their total; nil when the total is not positive.
    static func proportions(_ counts: [Double]) -> [Double]? {
        let total = counts.reduce(0, +)
        guard total > 0, total.isFinite else { return nil }
        return counts.map { $0 / total }
    }
}
