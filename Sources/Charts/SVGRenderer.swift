/// Draws a `Chart` as SVG text of a given size.
///
/// Everything is placed with presentation attributes (no stylesheet, no ids), so the
/// same SVG looks the same inline in any page or alone in a file, and several charts
/// on one page cannot clash. The plot area is a nested `<svg>`, which clips what lies
/// outside a fixed axis range without needing a `clipPath` id.
package struct SVGRenderer: Sendable {
    /// The picture's width in pixels (160 to 20,000).
    package let width: Double
    /// The picture's height in pixels (120 to 20,000).
    package let height: Double

    /// Text metrics estimated, not measured (there is no font engine here): the sans-serif
    /// average advance at 12 px, generous enough that labels rarely collide.
    static let characterWidth = 7.0
    static let font = "font-family=\"system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif\" font-size=\"12\""
    static let ink = "#222222"
    static let gridInk = "#e4e4e4"
    static let mutedInk = "#666666"

    /// A renderer for pictures of `width` × `height` pixels, each kept within its bounds
    /// (below them nothing fits; above them pixel counts would overflow in thinning).
    package init(width: Int = 640, height: Int = 400) {
        self.width = Double(min(max(width, 160), 20_000))
        self.height = Double(min(max(height, 120), 20_000))
    }

    /// The SVG for `chart`: an element for inline use, or with `standalone` a document
    /// with the XML declaration and the SVG namespace (an identifier, never fetched).
    package func render(_ chart: Chart, standalone: Bool = false) -> String {
        let plan = ChartPlan(chart)
        let frame = Frame(chart: chart, plan: plan, width: width, height: height)
        var svg = SVGWriter()
        if standalone { svg.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") }
        let namespace = standalone ? " xmlns=\"" + "http" + "://www.w3.org/2000/svg\"" : ""
        let size = "width=\"\(SVGWriter.number(width))\" height=\"\(SVGWriter.number(height))\""
        svg.raw("<svg\(namespace) class=\"chart\" \(size) viewBox=\"0 0 \(SVGWriter.number(width)) \(SVGWriter.number(height))\" role=\"img\" \(Self.font)>\n")
        svg.raw("<title>" + XMLText.escaped(chart.title.isEmpty ? "chart" : chart.title) + "</title>\n")
        svg.rect(x: 0, y: 0, width: width, height: height, fill: "#ffffff")
        if !chart.title.isEmpty {
            svg.label(chart.title, x: width / 2, y: 20, anchor: "middle", extra: [("font-size", "15"), ("font-weight", "600"), ("fill", Self.ink)])
        }
        drawLegend(plan, frame, &svg)
        drawGrid(plan, frame, &svg)
        svg.raw("<svg class=\"plot\" x=\"\(SVGWriter.number(frame.left))\" y=\"\(SVGWriter.number(frame.top))\" width=\"\(SVGWriter.number(frame.plotWidth))\" height=\"\(SVGWriter.number(frame.plotHeight))\" overflow=\"hidden\">\n")
        drawSeries(plan, frame, &svg)
        svg.raw("</svg>\n")
        drawAxes(chart, plan, frame, &svg)
        var noteY = height - 6 - Double(frame.notes.count - 1) * Frame.noteHeight
        for note in frame.notes {
            svg.label(note, x: 8, y: noteY, extra: [("class", "note"), ("font-size", "11"), ("fill", Self.mutedInk)])
            noteY += Frame.noteHeight
        }
        svg.raw("</svg>\n")
        return svg.text
    }

    /// Draws every planned series into the plot area (coordinates relative to it).
    private func drawSeries(_ plan: ChartPlan, _ frame: Frame, _ svg: inout SVGWriter) {
        switch plan.layout {
        case .numeric:
            guard let xMap = frame.xMap, let yMap = frame.yMap else { return }
            let histograms = plan.drawn.filter { if case .histogram = $0.series.kind { true } else { false } }.count
            for (series, color) in plan.drawn {
                switch series.kind {
                case .line(let points, let markers): drawLine(series.name, points, markers: markers, dashed: series.dashed, color, xMap, yMap, frame, &svg)
                case .scatter(let points): drawScatter(series.name, points, color, xMap, yMap, frame, &svg)
                case .histogram(let edges, let counts):
                    drawHistogram(series.name, edges, counts, color, opacity: histograms > 1 ? 0.5 : 0.85, xMap, yMap, &svg)
                default: break
                }
            }
        case .columns, .rows: drawBars(plan, frame, &svg)
        case .matrix:
            if case .heatmap(let matrix)? = plan.drawn.first?.series.kind { drawHeatmap(matrix, frame, &svg) }
        }
    }
}
