import Basics
import Charts
import RunStore

extension RunReport {
    /// At most this many step metrics get a chart; the rest are named.
    static let historyChartLimit = 12

    /// The step metrics tasks logged (learning curves), one chart per key with a line
    /// per run, so several runs overlay.
    func historySection() -> HTMLSection {
        let histories = runs.map { $0.history() }
        var keys: [String] = [], seen: Set<String> = []
        for history in histories { for point in history where seen.insert(point.key).inserted { keys.append(point.key) } }
        guard !keys.isEmpty else { return HTMLSection("Step metrics", [.paragraph("No step metrics were logged.", .muted)]) }
        let charts = keys.prefix(Self.historyChartLimit).map { key in
            let series = zip(runs, histories).enumerated().compactMap { index, pair -> Series? in
                let points = pair.1.filter { $0.key == key }.map { ChartPoint(Double($0.step), $0.value) }
                return points.isEmpty ? nil : .line(Self.label(pair.0), points, color: Palette.color(nil, at: index))
            }
            return Chart(title: key, x: Axis("step"), y: Axis(key), series: series)
        }
        var blocks: [HTMLBlock] = [.charts(Array(charts), width: 420, height: 280)]
        if keys.count > Self.historyChartLimit {
            blocks.append(.paragraph("Not drawn: " + keys.dropFirst(Self.historyChartLimit).joined(separator: ", ") + ".", .muted))
        }
        return HTMLSection("Step metrics", blocks)
    }
}
