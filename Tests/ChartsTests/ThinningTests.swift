@testable import Charts
import Testing

@Suite struct ThinningTests {
    /// A million points of a noisy curve with one spike up and one down in the middle.
    static func millionPoints() -> [ChartPoint] {
        var generator = SplitMix(seed: 7)
        var points = (0..<1_000_000).map { index in
            ChartPoint(Double(index), (Double(index) / 50_000).squareRoot() + Double(generator.next() % 1000) / 10_000)
        }
        points[500_001].y = 40
        points[700_003].y = -40
        return points
    }

    @Test func millionPointLineStaysSmallAndKeepsExtremes() throws {
        let points = Self.millionPoints()
        let chart = Chart(series: [.line("a", points)])
        let svg = chart.svg(width: 800, height: 400)
        #expect(svg.utf8.count < 200_000, "the page stays small: \(svg.utf8.count) bytes")
        let path = try #require(svg.firstMatch(of: #/ d="([^"]*)"/#)?.output.1)
        let drawn = path.split(whereSeparator: { $0 == "M" || $0 == "L" }).map { $0.split(separator: " ").compactMap { Double($0) } }
        #expect(drawn.count <= 4 * 800 && drawn.count > 800)
        // The spikes are the series' extremes: each is kept, once, as the top and bottom pixel.
        let ys = drawn.compactMap { $0.last }
        #expect(ys.filter { $0 == ys.min() }.count == 1 && ys.filter { $0 == ys.max() }.count == 1)
        #expect((ys.max() ?? 0) - (ys.min() ?? 0) > 300, "the spikes span the plot")
        #expect(drawn.first?.first == 0, "the first point is kept")
        let texts = try #require(WellFormed.parse(svg)).texts
        #expect(texts.contains { $0.contains("1000000 points, drawn as the first, lowest, highest and last point of each pixel column") })
    }

    @Test func lineRunsKeepFirstExtremesAndLast() {
        // Twenty points in one pixel column: first, lowest, highest, last survive, in order.
        let pixels = (0..<20).map { Thinning.Pixel(x: 0.5, y: [3, 9, 1, 4][$0 % 4] + Double($0) / 100, index: $0) }
        let kept = Thinning.line(pixels + [Thinning.Pixel(x: 1.5, y: 0, index: 20)], columns: 1)
        #expect(kept.map(\.index) == [0, 2, 17, 19, 20])
    }

    @Test func shortLinesAreUntouched() {
        let pixels = (0..<100).map { Thinning.Pixel(x: Double($0), y: 0, index: $0) }
        #expect(Thinning.line(pixels, columns: 100) == pixels)
    }

    @Test func scatterIsBounded() {
        var generator = SplitMix(seed: 3)
        let points = (0..<200_000).map { _ in ChartPoint(Double(generator.next() % 10_000), Double(generator.next() % 10_000)) }
        let svg = Chart(series: [.scatter("s", points)]).svg()
        let circles = svg.matches(of: #/<circle/#).count
        #expect(circles <= Thinning.scatterLimit && circles > 1000)
        #expect(svg.utf8.count < 2_000_000)
        #expect(WellFormed.parse(svg) != nil)
    }
}

/// A small seeded generator so the tests' data is the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
