@testable import Charts
import Testing

@Suite struct ChartLayoutTests {
    static let two = [ChartPoint(0, 0), ChartPoint(1, 1)]

    @Test func legendOnlyForSeveralSeries() {
        #expect(!Chart(series: [.line("only", Self.two)]).svg().contains("class=\"legend\""))
        let svg = Chart(series: [.line("train", Self.two), .line("valid", Self.two)]).svg()
        #expect(svg.contains("class=\"legend\"") && svg.contains(">train</text>") && svg.contains(">valid</text>"))
    }

    @Test func dashedLines() {
        let chart = Chart(series: [.line("roc", Self.two), .line("chance", Self.two, dashed: true)])
        #expect(chart.svg().matches(of: #/stroke-dasharray="6 4"/#).count == 1)
    }

    @Test func declaredCategoryOrderComesFirst() throws {
        let chart = Chart(x: Axis(categories: ["z", "y"]), series: [.bars("n", [Bar("a", 1), Bar("y", 2), Bar("z", 3)])])
        let texts = try #require(WellFormed.parse(chart.svg())).texts
        let order = texts.filter { ["a", "y", "z"].contains($0) }
        #expect(order == ["z", "y", "a"])
    }

    @Test func fixedDomainClipsInsteadOfGrowing() throws {
        let chart = Chart(x: Axis(domain: 0...1), y: Axis(domain: 0...1), series: [.line("a", [ChartPoint(-1e300, 5), ChartPoint(0.5, 0.5), ChartPoint(1e300, -5)])])
        let svg = chart.svg()
        #expect(svg.contains("overflow=\"hidden\""))
        let texts = try #require(WellFormed.parse(svg)).texts
        #expect(texts.contains("0") && texts.contains("1") && !texts.contains("1e300"), "the axis keeps its fixed range")
    }

    @Test func standaloneDocumentDeclaresTheNamespace() {
        let svg = Chart(series: [.line("a", Self.two)]).svg(standalone: true)
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(!Chart(series: [.line("a", Self.two)]).svg().contains("xmlns"), "inline SVG in HTML needs no namespace")
    }

    @Test func sizeIsRaisedToTheMinimum() {
        #expect(Chart().svg(width: -5, height: 0).contains("width=\"160\" height=\"120\""))
        let huge = Chart(series: [.line("a", (0..<10).map { ChartPoint(Double($0), 1) })]).svg(width: .max, height: .max)
        #expect(huge.contains("width=\"20000\" height=\"20000\""))
    }
}
