@testable import Charts
import Basics
import Testing

@Suite struct TicksTests {
    @Test func zeroToNinePointSeven() {
        let ticks = Ticks.linear(0, 9.7)
        #expect(ticks.values == [0, 2, 4, 6, 8, 10])
        #expect(ticks.domain == 0...10)
    }

    @Test func smallNumbers() {
        let ticks = Ticks.linear(0.001, 0.0042)
        #expect(ticks.step == 0.0005)
        #expect(ticks.values.map { NumberFormat.tick($0, step: ticks.step) } == ["0.001", "0.0015", "0.002", "0.0025", "0.003", "0.0035", "0.004", "0.0045"])
        #expect(ticks.domain.lowerBound <= 0.001 && ticks.domain.upperBound >= 0.0042)
    }

    @Test func negativeDomains() {
        #expect(Ticks.linear(-7.3, -0.2).values == [-8, -6, -4, -2, 0])
        #expect(Ticks.linear(-1, 1).values.map { NumberFormat.tick($0, step: 0.5) } == ["-1", "-0.5", "0", "0.5", "1"])
    }

    @Test func fixedDomainKeepsItsEnds() {
        let ticks = Ticks.linear(0.5, 9.5, fixed: true)
        #expect(ticks.domain == 0.5...9.5)
        #expect(ticks.values == [2, 4, 6, 8])
    }

    @Test func logTicksAtPowersOfTen() {
        let ticks = Ticks.log(1, 1e5)
        #expect(ticks.values == [1, 10, 100, 1000, 10000, 100_000])
        #expect(Ticks.log(3, 4e4).domain == 1...100_000)
        #expect(Ticks.log(1e-30, 1e30).values.count <= 11, "many decades: every k-th power")
        #expect(Ticks.log(2, 8).values == [1, 2, 5, 10], "one decade: its 2s and 5s too")
        #expect(Ticks.log(0.02, 0.3).values == [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1])
        let inside = Ticks.log(2, 8, fixed: true)
        #expect(inside.domain == 2...8)
        #expect(inside.values.count >= 2 && inside.values.allSatisfy { $0 >= 2 && $0 <= 8 }, "inside a decade: 1-2-5 steps")
    }

    @Test(arguments: [
        (0.0, 0.0), (5.0, 5.0), (-3.0, -3.0), (1e300, 1e300), (-Double.greatestFiniteMagnitude, Double.greatestFiniteMagnitude),
        (Double.nan, 1.0), (1.0, Double.infinity), (1e16, 1e16 + 2),
    ])
    func degenerateRangesGiveAnAxis(_ low: Double, _ high: Double) {
        let ticks = Ticks.linear(low, high)
        #expect(ticks.domain.lowerBound.isFinite && ticks.domain.upperBound.isFinite)
        #expect(ticks.domain.upperBound > ticks.domain.lowerBound)
        #expect(!ticks.values.isEmpty && ticks.values.count <= 21)
        #expect(zip(ticks.values, ticks.values.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test(arguments: [(0.0, 10.0), (-5.0, 5.0), (5.0, 5.0), (Double.nan, 3.0), (1e-300, 1e300)])
    func degenerateLogRanges(_ low: Double, _ high: Double) {
        let ticks = Ticks.log(low, high)
        #expect(ticks.domain.lowerBound > 0 && ticks.domain.upperBound.isFinite && ticks.domain.upperBound > ticks.domain.lowerBound)
        #expect(ticks.values.allSatisfy { $0 > 0 && $0.isFinite })
    }
}
