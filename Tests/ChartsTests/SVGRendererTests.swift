@testable import Charts
import Testing

@Suite struct SVGRendererTests {
    static let nan = Double.nan, inf = Double.infinity

    /// Charts a renderer must draw without trapping, as well-formed XML.
    static let degenerate: [(String, Chart)] = [
        ("no series", Chart(title: "empty")),
        ("empty line", Chart(series: [.line("a", [])])),
        ("single point", Chart(series: [.line("a", [ChartPoint(3, 4)])])),
        ("constant", Chart(series: [.line("a", (0..<10).map { ChartPoint(Double($0), 7) })])),
        ("all at one x", Chart(series: [.scatter("a", [ChartPoint(1, 1), ChartPoint(1, 2)])])),
        ("nan and infinities", Chart(series: [.line("a", [ChartPoint(nan, 1), ChartPoint(1, inf), ChartPoint(-inf, 2), ChartPoint(2, 3), ChartPoint(3, nan), ChartPoint(4, 5)])])),
        ("only nan", Chart(series: [.scatter("a", [ChartPoint(nan, nan)])])),
        ("log with non-positive", Chart(y: Axis("loss", scale: .log), series: [.line("a", [ChartPoint(0, 0), ChartPoint(1, -1), ChartPoint(2, 10), ChartPoint(3, 1000)])])),
        ("log with only non-positive", Chart(x: Axis(scale: .log), series: [.scatter("a", [ChartPoint(0, 1), ChartPoint(-1, 2)])])),
        ("huge counts", Chart(series: [.histogram("a", edges: [0, 1, 2], counts: [1e300, Double.greatestFiniteMagnitude])])),
        ("extreme range", Chart(series: [.line("a", [ChartPoint(-Double.greatestFiniteMagnitude, 0), ChartPoint(Double.greatestFiniteMagnitude, 1)])])),
        ("ragged histogram", Chart(series: [.histogram("a", edges: [0, 1], counts: [1, 2, 3]), .histogram("b", edges: [], counts: [])])),
        ("bad fixed domain", Chart(x: Axis(domain: 5...5), y: Axis(scale: .log, domain: -1...1), series: [.line("a", [ChartPoint(1, 1)])])),
        ("empty bars", Chart(series: [.bars("a", [])])),
        ("bars with nan", Chart(series: [.bars("a", [Bar("x", nan), Bar("y", 2)])])),
        ("mixed kinds", Chart(series: [.line("a", [ChartPoint(1, 1)]), .bars("b", [Bar("x", 1)]), .heatmap("c", Matrix(rows: [], columns: [], values: []))])),
        ("empty heatmap", Chart(series: [.heatmap("m", Matrix(rows: [], columns: [], values: []))])),
        ("ragged heatmap", Chart(series: [.heatmap("m", Matrix(rows: ["a", "b"], columns: ["x", "y"], values: [[1], [nan, 2, 3]]))])),
        ("control characters", Chart(title: "a\u{0}b\u{1B}c\u{FFFF}", series: [.bars("\u{7}", [Bar("\u{8}", 1)])])),
        ("tiny size", Chart(title: String(repeating: "long title ", count: 50), x: Axis("x"), y: Axis("y"), series: [.line("a", [ChartPoint(0, 0), ChartPoint(1, 1)])])),
    ]

    @Test(arguments: degenerate.map(\.0))
    func degenerateDataGivesWellFormedSVG(_ name: String) throws {
        let chart = try #require(Self.degenerate.first { $0.0 == name }?.1)
        for (width, height) in [(640, 400), (10, 10)] {
            let svg = chart.svg(width: width, height: height)
            #expect(WellFormed.parse(svg) != nil, "\(name) at \(width)x\(height)")
            #expect(svg.firstMatch(of: #/="[^"]*(?:nan|inf)/#) == nil, "no NaN or infinity reaches an attribute")
            #expect(WellFormed.parse(chart.svg(standalone: true)) != nil)
        }
    }

    @Test func skippedValuesAreSaidInANote() throws {
        let chart = Self.degenerate.first { $0.0 == "log with non-positive" }!.1
        let parsed = try #require(WellFormed.parse(chart.svg()))
        #expect(parsed.texts.contains("2 zero or negative values are not drawn on the log scale of y."))
        let missing = try #require(WellFormed.parse(Self.degenerate.first { $0.0 == "nan and infinities" }!.1.svg()))
        #expect(missing.texts.contains("4 missing or infinite values are not drawn."))
        let empty = try #require(WellFormed.parse(Chart().svg()))
        #expect(empty.texts.contains("No data to draw."))
    }

    @Test func textIsEscaped() {
        let chart = Chart(
            title: "<script>alert('x')</script>", x: Axis("a & b"), y: Axis("\"quoted\""),
            series: [.bars("<b>", [Bar("</text>", 1)]), .bars("c", [Bar("</text>", 2)])])
        let svg = chart.svg()
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(svg.contains("a &amp; b") && svg.contains("&quot;quoted&quot;"))
        #expect(WellFormed.parse(svg) != nil)
    }

    @Test func logAxisTickLabels() throws {
        let chart = Chart(y: Axis(scale: .log), series: [.line("loss", [ChartPoint(0, 1), ChartPoint(1, 1e5)])])
        let texts = try #require(WellFormed.parse(chart.svg())).texts
        for label in ["1", "10", "100", "1000", "10000", "100000"] { #expect(texts.contains(label), "tick \(label)") }
    }

    @Test func tickLabelsAreShort() throws {
        let chart = Chart(series: [.line("a", [ChartPoint(0, 3.968546622909052), ChartPoint(1, 3.9434219623092397)], markers: true)])
        let svg = chart.svg()
        #expect(!svg.contains("3.968546622909052"))
        #expect(svg.contains("y = 3.9685"), "hover text uses the human format")
    }

    @Test func sameChartSameBytes() {
        let points = (0..<500).map { ChartPoint(Double($0) / 7, (Double($0) / 13).squareRoot()) }
        let chart = Chart(title: "t", x: Axis("x"), y: Axis("y"), series: [.line("a", points, markers: true), .scatter("b", points)])
        let first = chart.svg()
        #expect(chart.svg() == first)
        #expect(Chart(title: "t", x: Axis("x"), y: Axis("y"), series: [.line("a", points, markers: true), .scatter("b", points)]).svg() == first)
        // Coordinates carry at most two decimals.
        for path in first.matches(of: #/ d="([^"]*)"/#) { #expect(path.output.1.firstMatch(of: #/\.\d{3}/#) == nil) }
        #expect(first.firstMatch(of: #/c[xy]="-?\d+\.\d{3,}"/#) == nil)
    }

    @Test func noURLInAnyOutput() {
        let chart = Chart(title: "t", series: [.histogram("ref", edges: [0, 1, 2], counts: [1, 2]), .histogram("cur", edges: [0, 1, 2], counts: [2, 1])])
        #expect(!chart.svg().contains("http"))
        #expect(!chart.svg().contains("url("))
        var page = HTMLPage(title: "p")
        page.chart(chart)
        #expect(!page.html().contains("http://") && !page.html().contains("https://"))
    }

    @Test func paletteAndOwnColours() {
        let chart = Chart(series: [.line("a", [ChartPoint(0, 0), ChartPoint(1, 1)]), .line("b", [ChartPoint(0, 1), ChartPoint(1, 0)], color: Color(hex: "#f0a"))])
        let svg = chart.svg()
        #expect(svg.contains("stroke=\"#0072b2\""))
        #expect(svg.contains("stroke=\"#ff00aa\""))
        #expect(Color(hex: "red") == nil && Color(hex: "#12345g") == nil && Color(hex: "#123\"") == nil)
    }
}
