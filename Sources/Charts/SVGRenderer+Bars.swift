import Basics
/// Histogram bars over numeric bins and bars over categories (vertical or horizontal).
extension SVGRenderer {
    /// How much of a category's band its bars fill; the rest separates categories.
    static let bandFill = 0.8

    /// The pixel bars grow from: zero, or the axis's start when zero is not on it (log scales).
    static func baseline(_ map: AxisMap) -> Double {
        let zero = map.isLog ? map.domain.lowerBound : min(max(0, map.domain.lowerBound), map.domain.upperBound)
        return map.position(zero) ?? map.start
    }

    /// One rectangle per bin that can be drawn, each with `name: [start, end): count` as its hover text.
    func drawHistogram(
        _ name: String, _ edges: [Double], _ counts: [Double], _ color: Color, opacity: Double, _ xMap: AxisMap, _ yMap: AxisMap,
        _ svg: inout SVGWriter
    ) {
        let base = Self.baseline(yMap)
        svg.raw("<g class=\"histogram\">\n")
        for bin in 0..<max(0, min(counts.count, edges.count - 1)) {
            guard let start = xMap.position(edges[bin]), let end = xMap.position(edges[bin + 1]), let top = yMap.position(counts[bin]) else { continue }
            let title = (name.isEmpty ? "" : name + ": ") + "[" + NumberFormat.human(edges[bin]) + ", " + NumberFormat.human(edges[bin + 1]) + "): "
                + NumberFormat.human(counts[bin])
            svg.rect(x: min(start, end), y: min(top, base), width: abs(end - start), height: abs(base - top), fill: color.hex, opacity: opacity, title: title)
        }
        svg.raw("</g>\n")
    }

    /// Bars over the category axis: side by side or overlaid per the chart's layout.
    func drawBars(_ plan: ChartPlan, _ frame: Frame, _ svg: inout SVGWriter) {
        let vertical = plan.layout == .columns
        guard case .categories(let labels) = vertical ? plan.x : plan.y, let map = vertical ? frame.yMap : frame.xMap else { return }
        let slots = Dictionary(labels.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let band = (vertical ? frame.plotWidth : frame.plotHeight) / Double(max(labels.count, 1))
        let overlaid = plan.drawn.count > 1 && plan.barLayout == .overlaid
        let share = overlaid ? 1 : Double(max(plan.drawn.count, 1))
        let thickness = band * Self.bandFill / share
        let base = Self.baseline(map)
        for (number, (series, color)) in plan.drawn.enumerated() {
            let bars: [Bar]
            switch series.kind {
            case .bars(let values), .horizontalBars(let values): bars = values
            default: continue
            }
            svg.raw("<g class=\"bars\">\n")
            for bar in bars {
                guard let slot = slots[bar.label], let end = map.position(bar.value) else { continue }
                let offset = Double(slot) * band + band * (1 - Self.bandFill) / 2 + (overlaid ? 0 : Double(number) * thickness)
                let title = (series.name.isEmpty ? "" : series.name + " · ") + bar.label + ": " + NumberFormat.human(bar.value)
                let opacity = overlaid ? 0.55 : 0.9
                if vertical {
                    svg.rect(x: offset, y: min(end, base), width: thickness, height: abs(base - end), fill: color.hex, opacity: opacity, title: title)
                } else {
                    svg.rect(x: min(end, base), y: offset, width: abs(end - base), height: thickness, fill: color.hex, opacity: opacity, title: title)
                }
            }
            svg.raw("</g>\n")
        }
    }
}
