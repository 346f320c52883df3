import Basics
import Foundation

/// Random search: points drawn with the project's seeded generator, so a seed gives the
/// same points on every platform.
extension Sweep {
    /// `count` points drawn with `seed`.
    ///
    /// When every dimension is discrete the points are distinct (drawn without replacement
    /// from the grid, so no candidate is trained twice), and a space with fewer points than
    /// `count` gives all of them in a random order. With a continuous dimension each point
    /// draws every dimension independently: listed values equally likely, `uniform` and
    /// `loguniform` from their intervals.
    package static func sample(_ dimensions: [Dimension], count: Int, seed: UInt64) throws(SearchSpaceError) -> [SearchPoint] {
        guard count >= 1 else { throw SearchSpaceError("the number of points to sample must be at least 1, not \(count)") }
        for dimension in dimensions where dimension.domain.count == 0 { throw emptyDomain(dimension) }
        var generator = SeededGenerator(seed: seed)
        if dimensions.allSatisfy({ !$0.domain.isContinuous }), let total = try? gridSize(of: dimensions) {
            let counts = dimensions.map { $0.domain.count ?? 1 }
            return distinctIndices(min(count, total), below: total, using: &generator)
                .map { point(at: $0, of: dimensions, counts: counts) }
        }
        return (0..<count).map { _ in
            SearchPoint(dimensions.map { SearchPoint.Assignment(name: $0.name, value: draw($0.domain, using: &generator)) })
        }
    }

    /// `count` distinct integers of `0..<total` in random order: the first `count` steps of a
    /// Fisher–Yates shuffle of `0..<total`, keeping only the swapped slots.
    private static func distinctIndices(_ count: Int, below total: Int, using generator: inout SeededGenerator) -> [Int] {
        var swapped: [Int: Int] = [:]
        var drawn: [Int] = []
        drawn.reserveCapacity(count)
        for position in 0..<count {
            let other = position + generator.nextIndex(below: total - position)
            let chosen = swapped[other] ?? other
            swapped[other] = swapped[position] ?? position
            drawn.append(chosen)
        }
        return drawn
    }

    /// One value of `domain`.
    private static func draw(_ domain: SearchDomain, using generator: inout SeededGenerator) -> SearchValue {
        switch domain {
        case .uniform(let low, let high):
            return .double(min(low + (high - low) * generator.nextUnit(), high.nextDown))
        case .logUniform(let low, let high):
            let logarithm = log(low) + (log(high) - log(low)) * generator.nextUnit()
            return .double(min(max(exp(logarithm), low), high.nextDown))
        default:
            return domain.value(at: generator.nextIndex(below: max(1, domain.count ?? 1))) ?? .int(0)
        }
    }
}
