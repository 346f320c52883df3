import Basics
import Charts
import RunStore

extension RunReport {
    /// Which stages ran, were skipped or restored, and how long each took: a table of
    /// actions and a bar chart of durations (one bar series per run).
    func timelineSection() -> HTMLSection {
        var stages: [String] = [], seen: Set<String> = []
        for run in runs { for stage in run.record.stages where seen.insert(stage.name).inserted { stages.append(stage.name) } }
        guard !stages.isEmpty else { return HTMLSection("Stages", [.paragraph("No stage was recorded.", .muted)]) }
        var table = HTMLTable(header: ["stage"] + runs.flatMap { runs.count > 1 ? [Self.label($0), "seconds"] : ["action", "seconds", "why"] })
        for name in stages {
            var cells: [HTMLTable.Cell] = [.init(name)]
            for run in runs {
                guard let stage = run.record.stages.first(where: { $0.name == name }) else {
                    cells += [HTMLTable.Cell("-", emphasis: .muted), HTMLTable.Cell("-", emphasis: .muted)] + (runs.count > 1 ? [] : ["-"])
                    continue
                }
                cells.append(HTMLTable.Cell(stage.action.rawValue, emphasis: Self.emphasis(stage.action)))
                cells.append(stage.duration.map { HTMLTable.Cell.number($0) } ?? HTMLTable.Cell("-", emphasis: .muted))
                if runs.count == 1 { cells.append(HTMLTable.Cell(stage.reasons.joined(separator: "; "))) }
            }
            table.rows.append(cells)
        }
        let series = runs.enumerated().map { index, run in
            Series.horizontalBars(Self.label(run), stages.map { name in
                Bar(name, run.record.stages.first { $0.name == name }?.duration ?? 0)
            }, color: Palette.color(nil, at: index))
        }
        let chart = Chart(title: "Time per stage", x: Axis("seconds"), y: Axis("stage"), series: series)
        return HTMLSection("Stages", [.table(table), .chart(chart, width: 640, height: max(160, 60 + 28 * stages.count * max(1, runs.count)))])
    }

    /// How an action reads at a glance.
    static func emphasis(_ action: StageRecord.Action) -> Emphasis {
        switch action {
        case .executed: .none
        case .skipped, .frozen: .muted
        case .restored: .good
        case .failed, .interrupted, .notRun: .bad
        case .running: .highlight
        }
    }
}
