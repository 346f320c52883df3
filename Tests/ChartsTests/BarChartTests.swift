@testable import Charts
import Testing

@Suite struct BarChartTests {
    /// Rectangles inside the plot area (the background and legend swatches are outside it).
    static func plotRects(_ svg: String) -> [Substring] {
        guard let start = svg.firstRange(of: "<svg class=\"plot\""), let end = svg[start.upperBound...].firstRange(of: "</svg>") else { return [] }
        return svg[start.lowerBound..<end.lowerBound].matches(of: #/<rect [^>]*>/#).map { $0.output }
    }

    @Test func overlaidHistogramsDrawOneRectPerBinAndSeries() {
        let edges = [0.0, 1, 2, 3, 4, 5]
        let chart = Chart(series: [.histogram("reference", edges: edges, counts: [1, 4, 9, 4, 1]), .histogram("current", edges: edges, counts: [0, 2, 5, 8, 3])])
        let rects = Self.plotRects(chart.svg())
        #expect(rects.count == 10)
        #expect(rects.allSatisfy { $0.contains("fill-opacity=\"0.5\"") }, "overlaid bars are translucent")
        #expect(chart.svg().contains("<title>current: [3, 4): 8</title>"))
    }

    @Test func overlaidCategoryBarsShareTheirSlot() throws {
        let chart = Chart(
            series: [.bars("reference", [Bar("a", 3), Bar("b", 5), Bar("c", 1)]), .bars("current", [Bar("a", 2), Bar("c", 6), Bar("d", 1)])],
            barLayout: .overlaid)
        let rects = Self.plotRects(chart.svg())
        #expect(rects.count == 6)
        let xs = rects.compactMap { $0.firstMatch(of: #/ x="([^"]*)"/#).map { String($0.output.1) } }
        #expect(xs[0] == xs[3], "reference a and current a stand in the same place")
        let texts = try #require(WellFormed.parse(chart.svg())).texts
        #expect(["a", "b", "c", "d"].allSatisfy { texts.contains($0) }, "categories in first-seen order")
    }

    @Test func groupedBarsStandSideBySide() {
        let chart = Chart(series: [.bars("x", [Bar("a", 3)]), .bars("y", [Bar("a", 2)])])
        let xs = Self.plotRects(chart.svg()).compactMap { $0.firstMatch(of: #/ x="([^"]*)"/#).map { Double($0.output.1) } }
        #expect(xs.count == 2 && xs[0] != xs[1])
    }

    @Test func horizontalBarsForImportance() throws {
        let bars = (0..<30).map { Bar("feature_\($0)_with_a_rather_long_name", Double(30 - $0)) }
        let svg = Chart(title: "gain", series: [.horizontalBars("gain", bars)]).svg()
        #expect(Self.plotRects(svg).count == 30)
        #expect(svg.contains("<title>feature_0_with_a_rather_long_name</title>"), "shortened labels keep the full text as hover")
        #expect(WellFormed.parse(svg) != nil)
    }

    @Test func manyCategoriesSlantAndThinTheirLabels() throws {
        let bars = (0..<300).map { Bar("category \($0)", Double($0 % 7)) }
        let svg = Chart(series: [.bars("n", bars)]).svg()
        #expect(Self.plotRects(svg).count == 300)
        #expect(svg.contains("rotate(-40"))
        let labels = try #require(WellFormed.parse(svg)).texts.filter { $0.hasPrefix("category") }
        #expect(labels.count < 100)
    }

    @Test func confusionMatrixWritesValuesInCells() throws {
        let matrix = Matrix(rows: ["actual 0", "actual 1"], columns: ["predicted 0", "predicted 1"], values: [[50, 3], [7, 40]])
        let svg = Chart(title: "confusion", series: [.heatmap("m", matrix)]).svg()
        #expect(Self.plotRects(svg).count == 4)
        let texts = try #require(WellFormed.parse(svg)).texts
        #expect(["50", "3", "7", "40"].allSatisfy { texts.contains($0) })
        #expect(svg.contains("<title>actual 1 / predicted 0: 7</title>"))
        #expect(svg.contains("fill=\"#ffffff\">50</text>"), "white text on the darkest cell")
    }
}
