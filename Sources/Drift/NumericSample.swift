import Basics

/// One numeric column's values ready for testing: missing values (NaN) dropped and
/// counted, the rest sorted ascending.
///
/// Every numeric statistic here works on sorted values (KS and Wasserstein as one
/// merge of two sorted arrays), so a column is sorted once and reused by all of them.
package struct NumericSample: Sendable, Equatable {
    /// The non-missing values, ascending.
    package let sortedValues: [Double]
    /// How many values were missing (NaN) and dropped.
    package let missingCount: Int

    /// Drops the NaNs of `values` (counting them) and sorts the rest.
    package init(_ values: [Double]) {
        let kept = RadixSort.sortedWithoutNaN(values)
        sortedValues = kept
        missingCount = values.count - kept.count
    }

    /// Takes values that are already sorted and free of NaN, as a profile stores them.
    package init(sortedValues: [Double], missingCount: Int) {
        self.sortedValues = sortedValues
        self.missingCount = max(missingCount, 0)
    }

    /// How many values are not missing.
    package var count: Int { sortedValues.count }

    /// Missing values as a share of all values (0 for an empty column, which has none).
    package var missingRate: Double {
        let total = count + missingCount
        return total == 0 ? 0 : Double(missingCount) / Double(total)
    }

    /// The arithmetic mean, or nil for an empty sample.
    package var mean: Double? {
        guard !sortedValues.isEmpty else { return nil }
        return sortedValues.reduce(0, +) / Double(count)
    }

    /// The population standard deviation (ddof = 0, as `numpy.std`), or nil when empty.
    ///
    /// Two passes (mean first) keep a column with a large offset and a small spread
    /// from losing its spread to cancellation.
    package var standardDeviation: Double? {
        guard let mean else { return nil }
        let squares = sortedValues.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (squares / Double(count)).squareRoot()
    }

    /// The `p`-quantile by linear interpolation between order statistics (numpy's
    /// default `method="linear"`), or nil for an empty sample.
    package func quantile(_ p: Double) -> Double? {
        guard let first = sortedValues.first, let last = sortedValues.last else { return nil }
        guard p > 0 else { return first }
        guard p < 1 else { return last }
        let position = p * Double(count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, count - 1)
        let fraction = position - Double(lower)
        let low = sortedValues[lower], high = sortedValues[upper]
        // numpy's lerp: exact at both ends and monotone in the fraction.
        return fraction < 0.5 ? low + (high - low) * fraction : high - (high - low) * (1 - fraction)
    }
}
