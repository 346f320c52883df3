/// What a chart's data asks of the drawing, found in one pass before anything is
/// placed: the kind of plot, each axis's categories or value range, and what cannot be
/// drawn (so the notes under the plot, and so the margins, are known up front).
struct ChartPlan {
    /// Which axes carry categories, decided by the chart's first series.
    enum Layout: Equatable {
        /// Numbers on both axes: lines, scatter points, histograms.
        case numeric
        /// Categories along x, numbers up y: vertical bars.
        case columns
        /// Numbers along x, categories down y: horizontal bars.
        case rows
        /// Categories on both axes: a heatmap.
        case matrix
    }

    /// One axis as planned: the range its numbers span, or its category labels.
    enum AxisPlan {
        case numeric(Ticks, isLog: Bool)
        case categories([String])
    }

    let layout: Layout
    /// Side by side or overlaid, for bars over categories.
    let barLayout: Chart.BarLayout
    /// The series drawn, with their colours, in legend order (others were skipped with a note).
    var drawn: [(series: Series, color: Color)] = []
    var x: AxisPlan = .categories([])
    var y: AxisPlan = .categories([])
    /// Sentences for the notes under the plot, in order.
    var notes: [String]
    /// Values not drawn because they are NaN or infinite.
    var missing = 0
    /// Values not drawn because a log axis cannot show them (zero or negative), per axis name.
    var nonPositive: [String: Int] = [:]

    /// The layout `kind` asks for.
    static func layout(of kind: Series.Kind) -> Layout {
        switch kind {
        case .line, .scatter, .histogram: .numeric
        case .bars: .columns
        case .horizontalBars: .rows
        case .heatmap: .matrix
        }
    }

    /// The plan for `chart`: series that fit the layout of the first, axes fitted to them.
    init(_ chart: Chart) {
        layout = chart.series.first.map { Self.layout(of: $0.kind) } ?? .numeric
        notes = chart.notes
        barLayout = chart.barLayout
        for (index, series) in chart.series.enumerated() {
            if Self.layout(of: series.kind) != layout {
                notes.append("Series “\(series.name)” is not drawn: it cannot share a chart with “\(chart.series[0].name)”.")
            } else if layout == .matrix && !drawn.isEmpty {
                notes.append("Series “\(series.name)” is not drawn: a chart shows one heatmap.")
            } else {
                drawn.append((series, Palette.color(series.color, at: index)))
            }
        }
        switch layout {
        case .numeric:
            var xs = Extent(axis: chart.x, name: "x"), ys = Extent(axis: chart.y, name: "y")
            for (series, _) in drawn { collectNumeric(series.kind, &xs, &ys) }
            x = finish(xs)
            y = finish(ys)
        case .columns:
            var ys = Extent(axis: chart.y, name: "y", includesZero: true)
            x = .categories(Self.categories(chart.x, drawn.map { $0.series }))
            for (series, _) in drawn { collectBars(series.kind, &ys) }
            y = finish(ys)
        case .rows:
            var xs = Extent(axis: chart.x, name: "x", includesZero: true)
            y = .categories(Self.categories(chart.y, drawn.map { $0.series }))
            for (series, _) in drawn { collectBars(series.kind, &xs) }
            x = finish(xs)
        case .matrix:
            if case .heatmap(let matrix)? = drawn.first?.series.kind {
                x = .categories(matrix.columns)
                y = .categories(matrix.rows)
            }
        }
        if drawn.isEmpty || isEmpty { notes.append("No data to draw.") }
        if missing > 0 { notes.append("\(missing) missing or infinite \(missing == 1 ? "value is" : "values are") not drawn.") }
        for name in nonPositive.keys.sorted() {
            let count = nonPositive[name] ?? 0
            notes.append("\(count) zero or negative \(count == 1 ? "value is" : "values are") not drawn on the log scale of \(name).")
        }
    }

    /// Whether no series holds anything drawable.
    private var isEmpty: Bool {
        drawn.allSatisfy { entry in
            switch entry.series.kind {
            case .line(let points, _), .scatter(let points): !points.contains { $0.isFinite }
            case .bars(let bars), .horizontalBars(let bars): bars.isEmpty
            case .histogram(let edges, let counts): edges.count < 2 || counts.isEmpty
            case .heatmap(let matrix): matrix.rows.isEmpty || matrix.columns.isEmpty
            }
        }
    }
}
