/// What the sketch can promise about KS: the interval the exact statistic must lie in,
/// from the counts it does know (exact at knots, between two knots somewhere in the
/// band the rows between them allow).
extension CumulativeSketch {
    /// The fewest and most reference values that can lie below / at or below `x`.
    func countBounds(at x: Double) -> (low: Double, high: Double, lowAtOrBelow: Double, highAtOrBelow: Double) {
        let index = Self.upperBound(knots, x) - 1
        guard index >= 0 else { return (0, 0, 0, 0) }
        let upTo = Double(cumulativeCounts[index])
        if knots[index] == x {
            let below = upTo - Double(equalCounts[index])
            return (below, below, upTo, upTo)
        }
        guard index + 1 < knots.count else { return (Double(count), Double(count), Double(count), Double(count)) }
        let most = upTo + Double(betweenCounts[index + 1])
        return (upTo, most, upTo, most)
    }

    /// The interval that holds the exact KS statistic between the sketched reference and
    /// `current`; a single point when the sketch is exact. Checked at the same places as
    /// `largestDistance(to:)`, which is where the exact supremum is reached too.
    package func statisticBounds(to current: NumericSample) -> ClosedRange<Double> {
        let values = current.sortedValues
        let n = Double(count), m = Double(values.count)
        guard n > 0, m > 0 else { return 0...0 }
        var lowest = 0.0, highest = 0.0
        func include(_ low: Double, _ high: Double, _ level: Double) {
            // |F_ref − level| over F_ref in [low, high] / n.
            let a = low / n - level, b = high / n - level
            let nearest = a > 0 ? a : (b < 0 ? -b : 0)
            lowest = max(lowest, nearest)
            highest = max(highest, max(abs(a), abs(b)))
        }
        var j = 0
        while j < values.count {
            let x = values[j]
            let before = j
            while j < values.count, values[j] <= x { j += 1 }
            let bounds = countBounds(at: x)
            include(bounds.low, bounds.high, Double(before) / m)
            include(bounds.lowAtOrBelow, bounds.highAtOrBelow, Double(j) / m)
        }
        return lowest...max(lowest, highest)
    }
}
