import Basics
@testable import GradientBoosting
import Testing

/// Each tree leaves out exactly `count - keep` items, and over the trees every item
/// sits out equally often (within one), whatever the seed.
@Suite struct BalancedSamplerTests {
    @Test(arguments: [(10, 8, 5), (13, 10, 13), (7, 3, 9), (5, 5, 4), (1, 1, 3)])
    func everyItemSitsOutEquallyOften(count: Int, keep: Int, trees: Int) {
        var generator = SeededGenerator(seed: 11)
        var sampler = BalancedSampler(count: count, keep: keep, generator: &generator)
        var timesOut = [Int](repeating: 0, count: count)
        for _ in 0..<trees {
            let out = sampler.nextLeftOut(generator: &generator)
            #expect(out.filter { $0 }.count == count - keep)
            for item in out.indices where out[item] { timesOut[item] += 1 }
        }
        #expect(timesOut.max()! - timesOut.min()! <= 1, "\(timesOut)")
        #expect(timesOut.reduce(0, +) == (count - keep) * trees)
    }

    /// Five trees keeping 8 of 10 leave every item out exactly once, in a seeded order
    /// that differs by seed.
    @Test func aFullCycleLeavesEachItemOutOnce() {
        func cycle(seed: UInt64) -> [[Int]] {
            var generator = SeededGenerator(seed: seed)
            var sampler = BalancedSampler(count: 10, keep: 8, generator: &generator)
            return (0..<5).map { _ in
                let out = sampler.nextLeftOut(generator: &generator)
                return out.indices.filter { out[$0] }
            }
        }
        let first = cycle(seed: 1)
        #expect(first.flatMap { $0 }.sorted() == Array(0..<10))
        #expect(cycle(seed: 1) == first)
        #expect(cycle(seed: 2) != first)
    }
}
