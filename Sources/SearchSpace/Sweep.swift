import Basics

/// Expanding dimensions into the points a search visits: every combination (a grid) or
/// a seeded sample.
package enum Sweep {
    /// The most points a grid may have: beyond it a search would never finish, and is
    /// more likely a mistyped range than a wish.
    package static let maximumGridPoints = 1_000_000

    /// Every combination of the dimensions' values, the first dimension varying slowest
    /// and the last fastest (as Hydra's basic sweeper and `itertools.product`).
    /// No dimensions give one empty point. A continuous dimension or an empty domain is an error.
    package static func grid(of dimensions: [Dimension]) throws(SearchSpaceError) -> [SearchPoint] {
        let counts = try listedCounts(dimensions)
        let total = try gridSize(dimensions, counts: counts)
        guard total <= maximumGridPoints else {
            throw SearchSpaceError(
                "the grid has \(total) points, more than \(maximumGridPoints)",
                hint: "narrow the ranges, or sample a few points at random (--random N, or method: random)")
        }
        return (0..<total).map { point(at: $0, of: dimensions, counts: counts) }
    }

    /// The number of points the grid of `dimensions` has, without listing them.
    package static func gridSize(of dimensions: [Dimension]) throws(SearchSpaceError) -> Int {
        try gridSize(dimensions, counts: listedCounts(dimensions))
    }

    /// The point at `index` of the grid (mixed radix, the last dimension the lowest digit).
    static func point(at index: Int, of dimensions: [Dimension], counts: [Int]) -> SearchPoint {
        var remainder = index
        var values = [SearchValue](repeating: .int(0), count: dimensions.count)
        for position in dimensions.indices.reversed() {
            values[position] = dimensions[position].domain.value(at: remainder % counts[position]) ?? .int(0)
            remainder /= counts[position]
        }
        return SearchPoint(zip(dimensions, values).map { SearchPoint.Assignment(name: $0.name, value: $1) })
    }

    /// Each dimension's count of values, after checking that every domain lists some.
    private static func listedCounts(_ dimensions: [Dimension]) throws(SearchSpaceError) -> [Int] {
        var counts: [Int] = []
        for dimension in dimensions {
            guard let count = dimension.domain.count else {
                throw SearchSpaceError(
                    "\(dimension.name)=\(dimension.domain.expression) is continuous: a grid cannot list its values",
                    dimension: dimension.name,
                    hint: "sample at random instead (--random N, or method: random), or list values with choice(a,b,c)")
            }
            guard count > 0 else { throw emptyDomain(dimension) }
            counts.append(count)
        }
        return counts
    }

    private static func gridSize(_ dimensions: [Dimension], counts: [Int]) throws(SearchSpaceError) -> Int {
        var total = 1
        for count in counts {
            let (product, overflow) = total.multipliedReportingOverflow(by: count)
            guard !overflow else {
                throw SearchSpaceError("the grid has too many points to count", hint: "sample a few at random (--random N, or method: random)")
            }
            total = product
        }
        return total
    }

    static func emptyDomain(_ dimension: Dimension) -> SearchSpaceError {
        SearchSpaceError("\(dimension.name)=\(dimension.domain.expression) has no values", dimension: dimension.name)
    }
}
