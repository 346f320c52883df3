import Foundation

/// A numeric column's distribution function in a bounded number of points: distinct
/// "knot" values with the exact number of values equal to each and strictly between
/// it and the knot before.
///
/// When the column has at most `knotLimit` distinct values every value is a knot and
/// the sketch *is* the sample: KS, Wasserstein, PSI and JS against it equal those on
/// the raw values. Otherwise knots sit near evenly spaced ranks (the values there
/// shortened to 9 significant digits; the minimum and the maximum exact), the counts
/// are exact at every knot and the distribution function is interpolated linearly in
/// between.
///
/// How that bounds the KS error: between two knots the true reference CDF lies in
/// `[C_i, C_i + between_{i+1}] / n` (C_i the count up to knot i), a band about
/// `1 / (K − 1)` of the rows wide, so |D̂ − D| ≤ ~1/(K − 1) always. The p-value then
/// moves at most `1.7 · √n_e · |D̂ − D|` (1.69 is the largest density of the Kolmogorov
/// distribution on the √n_e·D scale, n_e = n1·n2/(n1 + n2)). That worst case is far
/// from the usual one: for a continuous column the reference's own empirical CDF
/// differs from the straight line between knots by a Brownian bridge of size
/// `≈ 1 / (2√(n·K))`, so |Δp| ≈ 1.7 · √n_e / (2√(n·K)). Measured with K = 320 (what
/// 7,000 bytes hold for 17-digit data) on smooth columns: a reference of 10⁶ rows gives
/// |Δp| ≤ 6e-4 against batches of 100 rows, 1.3e-3 at 1,000, 7e-3 at 10⁴; a
/// reference of 10⁵ rows 2.3e-3 at 100 rows. No sketch of a few kilobytes can do much
/// better: the p-value of two samples of 10⁶ rows reacts to D changes of 1e-6, one
/// row of the reference. `ReferenceProfile` therefore keeps the knots exact whenever
/// the column allows (discrete columns, samples of up to ~1,000 distinct values), and
/// `statisticBounds(to:)` gives the interval the exact statistic must lie in, so a
/// report can say when a verdict does not depend on the sketch.
package struct CumulativeSketch: Sendable, Equatable {
    /// The knots, ascending and distinct.
    package let knots: [Double]
    /// How many values equal each knot.
    package let equalCounts: [Int]
    /// How many values lie strictly between the previous knot and this one (0 for the first).
    package let betweenCounts: [Int]
    /// How many values there are in all (the sum of both count arrays).
    package let count: Int
    /// The count of values up to and including each knot.
    let cumulativeCounts: [Int]

    /// A sketch of `sample` with at most `knotLimit` knots (at least 2).
    package init(_ sample: NumericSample, knotLimit: Int) {
        let values = sample.sortedValues
        let limit = max(knotLimit, 2)
        var chosen: [Double] = []
        if let first = values.first, let last = values.last {
            let distinct = Self.distinctValues(values, stoppingAfter: limit)
            if distinct.count <= limit {
                chosen = distinct
            } else {
                let n = values.count
                chosen.append(first)
                for i in 1..<(limit - 1) {
                    let rank = Int((Double(i) * Double(n - 1) / Double(limit - 1)).rounded())
                    let knot = Self.shortened(values[min(max(rank, 0), n - 1)])
                    if let previous = chosen.last, previous < knot, knot < last { chosen.append(knot) }
                }
                chosen.append(last)
            }
        }
        var equal: [Int] = [], between: [Int] = []
        var previousEnd = 0
        for knot in chosen {
            let start = Self.lowerBound(values, knot), end = Self.upperBound(values, knot)
            between.append(start - previousEnd)
            equal.append(end - start)
            previousEnd = end
        }
        self.init(knots: chosen, equalCounts: equal, betweenCounts: between)
    }

    /// A sketch from stored arrays (a profile file); nil when they do not fit together:
    /// knots not finite or not ascending, counts not positive or too large to add.
    package init?(storedKnots knots: [Double], equalCounts: [Int], betweenCounts: [Int]) {
        guard knots.count == equalCounts.count, knots.count == betweenCounts.count,
              zip(knots, knots.dropFirst()).allSatisfy({ $0 < $1 }), knots.allSatisfy(\.isFinite) || knots.isEmpty,
              equalCounts.allSatisfy({ $0 >= 0 }), betweenCounts.allSatisfy({ $0 >= 0 }), betweenCounts.first ?? 0 == 0,
              Self.sumFits(equalCounts + betweenCounts) else {
            return nil
        }
        self.init(knots: knots, equalCounts: equalCounts, betweenCounts: betweenCounts)
    }

    private init(knots: [Double], equalCounts: [Int], betweenCounts: [Int]) {
        self.knots = knots
        self.equalCounts = equalCounts
        self.betweenCounts = betweenCounts
        var running = 0
        cumulativeCounts = zip(equalCounts, betweenCounts).map { equal, between in
            running += equal + between
            return running
        }
        count = running
    }

    /// Whether every value is a knot, so the sketch holds the sample exactly.
    package var isExact: Bool { betweenCounts.allSatisfy { $0 == 0 } }

    /// `value` to 9 significant digits: an inner knot need not be a sample value (the
    /// counts are exact at whatever value it has), and the short form lets nearly
    /// twice as many knots fit in a column's bytes.
    static func shortened(_ value: Double) -> Double {
        guard value.isFinite, value != 0 else { return value }
        let magnitude = Int(log10(abs(value)).rounded(.down))
        let scale = pow(10, Double(8 - magnitude))
        let rounded = (value * scale).rounded() / scale
        return rounded.isFinite ? rounded : value
    }

    /// Whether non-negative `counts` add up without overflowing (a damaged file may hold
    /// any integers).
    static func sumFits(_ counts: [Int]) -> Bool {
        var total = 0
        for count in counts {
            let (sum, overflow) = total.addingReportingOverflow(count)
            if overflow { return false }
            total = sum
        }
        return true
    }

    /// The distinct values of sorted `values`, stopping once there are more than `limit`.
    private static func distinctValues(_ values: [Double], stoppingAfter limit: Int) -> [Double] {
        var distinct: [Double] = []
        for value in values where distinct.last != value {
            distinct.append(value)
            if distinct.count > limit { break }
        }
        return distinct
    }

    /// The index of the first element of sorted `values` not below `target`.
    static func lowerBound(_ values: [Double], _ target: Double) -> Int {
        var low = 0, high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < target { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The index of the first element of sorted `values` above `target`.
    static func upperBound(_ values: [Double], _ target: Double) -> Int {
        var low = 0, high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] <= target { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
