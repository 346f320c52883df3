/// KS and Wasserstein of a current sample against a sketched reference: the same
/// statistics as on two samples, with the reference's distribution function read from
/// the sketch (exact at knots, linear between them).
extension CumulativeSketch {
    /// How many reference values lie below `x` and at or below `x`; fractional between
    /// knots, where the count is interpolated.
    func counts(at x: Double) -> (below: Double, atOrBelow: Double) {
        let index = Self.upperBound(knots, x) - 1
        guard index >= 0 else { return (0, 0) }
        let upTo = Double(cumulativeCounts[index])
        if knots[index] == x { return (upTo - Double(equalCounts[index]), upTo) }
        guard index + 1 < knots.count else { return (Double(count), Double(count)) }
        let fraction = (x - knots[index]) / (knots[index + 1] - knots[index])
        let value = upTo + Double(betweenCounts[index + 1]) * fraction
        return (value, value)
    }

    /// `sup |F̂_ref − F_cur|`. Between two current values F_cur is flat and F̂_ref rises,
    /// so the supremum is reached at a current value or just below one: both are checked.
    package func largestDistance(to current: NumericSample) -> Double {
        let values = current.sortedValues
        let n = Double(count), m = Double(values.count)
        guard n > 0, m > 0 else { return 0 }
        var largest = 0.0
        var j = 0
        while j < values.count {
            let x = values[j]
            let before = j
            while j < values.count, values[j] <= x { j += 1 }
            let reference = counts(at: x)
            largest = max(largest, abs(reference.below / n - Double(before) / m))
            largest = max(largest, abs(reference.atOrBelow / n - Double(j) / m))
        }
        return largest
    }

    /// `∫ |F̂_ref − F_cur| dx` over the pieces between consecutive knots and current values,
    /// on each of which F̂_ref is linear and F_cur constant.
    package func wassersteinDistance(to current: NumericSample) -> Double? {
        let values = current.sortedValues
        let n = Double(count), m = Double(values.count)
        guard n > 0, m > 0 else { return nil }
        let breakpoints = Self.mergedDistinct(knots, values)
        var total = 0.0
        var j = 0
        for (left, right) in zip(breakpoints, breakpoints.dropFirst()) {
            while j < values.count, values[j] <= left { j += 1 }
            let level = Double(j) / m
            let start = counts(at: left).atOrBelow / n - level
            let end = counts(at: right).below / n - level
            let width = right - left
            if start * end >= 0 {
                total += width * abs(start + end) / 2
            } else {
                // The line crosses the step: two triangles.
                total += width * (start * start + end * end) / (2 * abs(end - start))
            }
        }
        return total
    }

    /// The distinct values of two sorted arrays, merged.
    static func mergedDistinct(_ first: [Double], _ second: [Double]) -> [Double] {
        var merged: [Double] = []
        merged.reserveCapacity(first.count + second.count)
        var i = 0, j = 0
        while i < first.count || j < second.count {
            let next = j >= second.count || (i < first.count && first[i] <= second[j]) ? first[i] : second[j]
            if merged.last != next { merged.append(next) }
            if i < first.count, first[i] == next { i += 1 }
            if j < second.count, second[j] == next { j += 1 }
        }
        return merged
    }
}
