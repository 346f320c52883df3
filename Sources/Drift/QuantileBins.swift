/// The bins PSI and Jensen–Shannon use for a numeric column: edges at the reference's
/// deciles (numpy's default linear quantiles), the outer bins open-ended.
///
/// A value equal to an edge belongs to the bin below it (`numpy.searchsorted(edges,
/// x, side="left")` is its bin index). Tied references can repeat an edge; the bin
/// between two equal edges is then empty on both sides and adds nothing to either
/// statistic.
package struct QuantileBins: Sendable, Equatable {
    /// The inner edges, ascending: `binCount − 1` of them.
    package let edges: [Double]
    /// How many reference values fall in each bin.
    package let referenceCounts: [Int]

    /// Bins fitted to `reference`; nil when it has no value.
    package init?(reference: NumericSample, binCount: Int = DriftDefaults.binCount) {
        guard reference.count > 0, binCount >= 1 else { return nil }
        let edges = (1..<binCount).compactMap { reference.quantile(Double($0) / Double(binCount)) }
        self.edges = edges
        referenceCounts = Self.counts(of: reference.sortedValues, edges: edges)
    }

    /// Bins stored in a profile.
    package init(edges: [Double], referenceCounts: [Int]) {
        self.edges = edges
        self.referenceCounts = referenceCounts
    }

    /// How many of the sorted `values` fall in each bin: a binary search per edge.
    package static func counts(of sortedValues: [Double], edges: [Double]) -> [Int] {
        // Values at most each edge (a value equal to an edge is in the bin below it).
        let atMost = edges.map { edge in
            var low = 0, high = sortedValues.count
            while low < high {
                let middle = (low + high) / 2
                if sortedValues[middle] <= edge { low = middle + 1 } else { high = middle }
            }
            return low
        }
        var counts = [Int](repeating: 0, count: edges.count + 1)
        var below = 0
        for (bin, upTo) in atMost.enumerated() {
            counts[bin] = max(upTo - below, 0)
            below = max(below, upTo)
        }
        counts[edges.count] = sortedValues.count - below
        return counts
    }

    /// The current sample's counts in these bins.
    package func currentCounts(_ current: NumericSample) -> [Int] {
        Self.counts(of: current.sortedValues, edges: edges)
    }
}
