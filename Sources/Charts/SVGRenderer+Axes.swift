import Basics
/// Axes: gridlines behind the data, then axis lines, ticks, tick labels and axis labels.
extension SVGRenderer {
    /// A tick's label: powers of ten in the plain human form, linear ticks with enough
    /// digits to tell neighbours apart.
    static func tickLabel(_ value: Double, _ ticks: Ticks, isLog: Bool) -> String {
        isLog ? NumberFormat.human(value) : NumberFormat.tick(value, step: ticks.step)
    }

    /// Light lines across the plot at every numeric tick.
    func drawGrid(_ plan: ChartPlan, _ frame: Frame, _ svg: inout SVGWriter) {
        svg.raw("<g class=\"grid\">\n")
        if case .numeric(let ticks, _) = plan.x, let map = frame.xMap {
            for value in ticks.values {
                guard let x = map.position(value) else { continue }
                svg.line(frame.left + x, frame.top, frame.left + x, frame.top + frame.plotHeight, stroke: Self.gridInk)
            }
        }
        if case .numeric(let ticks, _) = plan.y, let map = frame.yMap {
            for value in ticks.values {
                guard let y = map.position(value) else { continue }
                svg.line(frame.left, frame.top + y, frame.left + frame.plotWidth, frame.top + y, stroke: Self.gridInk)
            }
        }
        svg.raw("</g>\n")
    }

    /// The two axis lines with their ticks and labels, and the axis titles.
    func drawAxes(_ chart: Chart, _ plan: ChartPlan, _ frame: Frame, _ svg: inout SVGWriter) {
        let bottom = frame.top + frame.plotHeight
        svg.raw("<g class=\"axes\" fill=\"\(Self.ink)\">\n")
        svg.line(frame.left, bottom, frame.left + frame.plotWidth, bottom, stroke: Self.ink)
        svg.line(frame.left, frame.top, frame.left, bottom, stroke: Self.ink)
        switch plan.x {
        case .numeric(let ticks, let isLog):
            for value in ticks.values {
                guard let x = frame.xMap?.position(value).map({ $0 + frame.left }) else { continue }
                svg.line(x, bottom, x, bottom + 4, stroke: Self.ink)
                svg.label(Self.tickLabel(value, ticks, isLog: isLog), x: x, y: bottom + 16, anchor: "middle")
            }
        case .categories(let labels):
            let band = frame.plotWidth / Double(max(labels.count, 1))
            for (index, label) in labels.enumerated() where index % frame.xLabelStride == 0 {
                let x = frame.left + (Double(index) + 0.5) * band
                let short = XMLText.shortened(label, to: frame.slantedXLabels ? Frame.rotatedLabelLimit : Frame.categoryLabelLimit)
                let title = short == label ? nil : label
                if frame.slantedXLabels {
                    let y = bottom + 12
                    svg.label(short, x: x, y: y, anchor: "end", extra: [("transform", "rotate(-40 \(SVGWriter.number(x)) \(SVGWriter.number(y)))")], title: title)
                } else {
                    svg.label(short, x: x, y: bottom + 16, anchor: "middle", title: title)
                }
            }
        }
        switch plan.y {
        case .numeric(let ticks, let isLog):
            for value in ticks.values {
                guard let y = frame.yMap?.position(value).map({ $0 + frame.top }) else { continue }
                svg.line(frame.left - 4, y, frame.left, y, stroke: Self.ink)
                svg.label(Self.tickLabel(value, ticks, isLog: isLog), x: frame.left - 7, y: y + 4, anchor: "end")
            }
        case .categories(let labels):
            let band = frame.plotHeight / Double(max(labels.count, 1))
            for (index, label) in labels.enumerated() where index % frame.yLabelStride == 0 {
                let short = XMLText.shortened(label, to: Frame.categoryLabelLimit)
                svg.label(short, x: frame.left - 7, y: frame.top + (Double(index) + 0.5) * band + 4, anchor: "end", title: short == label ? nil : label)
            }
        }
        if !chart.x.label.isEmpty {
            svg.label(chart.x.label, x: frame.left + frame.plotWidth / 2, y: bottom + frame.xLabelDepth + 16, anchor: "middle", extra: [("class", "axis-label")])
        }
        if !chart.y.label.isEmpty {
            let y = frame.top + frame.plotHeight / 2
            svg.label(chart.y.label, x: 14, y: y, anchor: "middle", extra: [("class", "axis-label"), ("transform", "rotate(-90 14 \(SVGWriter.number(y)))")])
        }
        svg.raw("</g>\n")
    }

    /// Coloured swatches with series names, in rows under the title.
    func drawLegend(_ plan: ChartPlan, _ frame: Frame, _ svg: inout SVGWriter) {
        guard !frame.legend.isEmpty else { return }
        let firstRow = frame.top - 12 - Double((frame.legend.map(\.row).max() ?? 0) + 1) * Frame.legendRowHeight
        svg.raw("<g class=\"legend\">\n")
        for item in frame.legend {
            let y = firstRow + Double(item.row) * Frame.legendRowHeight
            svg.rect(x: item.x, y: y + 4, width: 12, height: 12, fill: item.color.hex)
            svg.label(item.name, x: item.x + 17, y: y + 14, extra: [("fill", Self.ink)])
        }
        svg.raw("</g>\n")
    }
}
