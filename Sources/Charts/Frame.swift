/// Where the parts of a chart go: margins sized to the labels they hold, the plot area,
/// the legend's rows, the maps from data to pixels, and the notes under it all.
struct Frame {
    static let noteHeight = 14.0
    static let legendRowHeight = 18.0
    /// Category labels longer than this are shortened (the full text stays in the hover title).
    static let categoryLabelLimit = 24
    static let rotatedLabelLimit = 16

    /// One legend entry placed at (x, row).
    struct LegendItem {
        var name: String
        var color: Color
        var x: Double
        var row: Int
    }

    var left = 0.0, top = 0.0, plotWidth = 0.0, plotHeight = 0.0
    var legend: [LegendItem] = []
    var notes: [String] = []
    /// Maps of numeric axes into the plot area (x from 0 to the width, y from the height up to 0).
    var xMap: AxisMap?
    var yMap: AxisMap?
    /// Whether x category labels are drawn slanted because they do not fit side by side.
    var slantedXLabels = false
    /// Label every n-th category when there are more than the axis has room for.
    var xLabelStride = 1
    var yLabelStride = 1
    /// How far below the plot the x tick labels reach.
    var xLabelDepth = 18.0

    init(chart: Chart, plan: ChartPlan, width: Double, height: Double) {
        let titleHeight = chart.title.isEmpty ? 8.0 : 30.0
        legend = Self.legendItems(plan, width: width)
        let legendHeight = Double((legend.map(\.row).max() ?? -1) + 1) * Self.legendRowHeight
        top = titleHeight + legendHeight + 12
        let yLabelWidth: Double
        switch plan.y {
        case .numeric(let ticks, let isLog):
            yLabelWidth = Double(ticks.values.map { SVGRenderer.tickLabel($0, ticks, isLog: isLog).count }.max() ?? 1) * SVGRenderer.characterWidth
        case .categories(let labels):
            yLabelWidth = Double(min(labels.map(\.count).max() ?? 1, Self.categoryLabelLimit)) * SVGRenderer.characterWidth
        }
        left = min(yLabelWidth + 14 + (chart.y.label.isEmpty ? 0 : 20), width * 0.45)
        // Room for half of the last x tick label, which is centred on the plot's right edge.
        var right = 20.0
        if case .numeric(let ticks, let isLog) = plan.x, let last = ticks.values.last {
            right = max(right, Double(SVGRenderer.tickLabel(last, ticks, isLog: isLog).count) * SVGRenderer.characterWidth / 2 + 6)
        }
        plotWidth = max(width - left - right, 20)
        var bottom = 24.0 + (chart.x.label.isEmpty ? 0 : 18)
        if case .categories(let labels) = plan.x, !labels.isEmpty {
            let longest = Double(min(labels.map(\.count).max() ?? 1, Self.categoryLabelLimit))
            if Double(labels.count) * (longest * SVGRenderer.characterWidth + 8) > plotWidth {
                slantedXLabels = true
                // At -40° a label reaches down sin 40° and left cos 40° of its length; slanted
                // lines of 12 px text need about 18 px between them along the axis.
                let length = Double(min(Int(longest), Self.rotatedLabelLimit)) * SVGRenderer.characterWidth
                bottom += length * 0.65
                xLabelDepth += length * 0.65
                let reach = length * 0.77 - plotWidth / Double(labels.count) / 2 + 6
                if reach > left {
                    left = min(reach, width * 0.45)
                    plotWidth = max(width - left - right, 20)
                }
                xLabelStride = max(1, Int((Double(labels.count) * 18 / plotWidth).rounded(.up)))
            }
        }
        notes = plan.notes + Self.thinningNotes(plan, columns: Int(plotWidth))
        bottom += Double(notes.count) * Self.noteHeight
        plotHeight = max(height - top - bottom, 20)
        if case .categories(let labels) = plan.y {
            yLabelStride = max(1, Int((Double(labels.count) * 13 / plotHeight).rounded(.up)))
        }
        if case .numeric(let ticks, let isLog) = plan.x { xMap = AxisMap(domain: ticks.domain, isLog: isLog, start: 0, end: plotWidth) }
        if case .numeric(let ticks, let isLog) = plan.y { yMap = AxisMap(domain: ticks.domain, isLog: isLog, start: plotHeight, end: 0) }
    }

    /// Legend entries wrapped into rows that fit `width`; none for a single series (its
    /// name is in the hover text, and the title says what it is) or a heatmap.
    static func legendItems(_ plan: ChartPlan, width: Double) -> [LegendItem] {
        let named = plan.drawn.filter { !$0.series.name.isEmpty && plan.layout != .matrix }
        guard plan.drawn.count > 1, !named.isEmpty else { return [] }
        var items: [LegendItem] = []
        var x = 12.0, row = 0
        for (series, color) in named {
            let name = XMLText.shortened(series.name, to: 40)
            let itemWidth = 18 + Double(name.count) * SVGRenderer.characterWidth + 14
            if x + itemWidth > width - 8 && x > 12 {
                row += 1
                x = 12
            }
            items.append(LegendItem(name: name, color: color, x: x, row: row))
            x += itemWidth
        }
        return items
    }

    /// A note for every line or scatter series too long to draw point by point.
    static func thinningNotes(_ plan: ChartPlan, columns: Int) -> [String] {
        plan.drawn.compactMap { entry -> String? in
            let series = entry.series
            return switch series.kind {
            case .line(let points, _) where points.count > Thinning.pointsPerColumn * max(columns, 1):
                "“\(series.name)”: \(points.count) points, drawn as the first, lowest, highest and last point of each pixel column."
            case .scatter(let points) where points.count > Thinning.scatterLimit:
                "“\(series.name)”: \(points.count) points, drawn as at most \(Thinning.scatterLimit) (one per small grid cell)."
            default: nil
            }
        }
    }
}
