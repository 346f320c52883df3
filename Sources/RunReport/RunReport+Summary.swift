import Basics
import Charts
import RunStore

extension RunReport {
    /// The facts at the top: for one run who ran what when, for several the span.
    func summaryItems() -> [SummaryItem] {
        guard runs.count == 1, let run = runs.first else {
            let failed = runs.filter { $0.status != .finished }.count
            return [
                SummaryItem("runs", "\(runs.count)"),
                SummaryItem("first", Self.label(runs[0]) + " (" + Timestamp.string(runs[0].record.startTime) + ")"),
                SummaryItem("last", Self.label(runs[runs.count - 1]) + " (" + Timestamp.string(runs[runs.count - 1].record.startTime) + ")"),
                SummaryItem("not finished", "\(failed)", emphasis: failed > 0 ? .bad : .none),
            ]
        }
        return [
            SummaryItem("run", run.id),
            SummaryItem("status", run.status.rawValue, emphasis: run.status == .finished ? .good : .bad),
            SummaryItem("started", Timestamp.string(run.record.startTime)),
            SummaryItem("duration", run.record.duration.map { NumberFormat.human($0) + " s" } ?? "-"),
            SummaryItem("commit", run.record.git?.short ?? "-"),
            SummaryItem("command", run.record.command.joined(separator: " ")),
        ]
    }

    /// The drift verdict of each run that recorded one (a metrics file written by
    /// `ml drift`: a `level` of none/moderate/severe/critical beside a `share`).
    func driftSection() -> HTMLSection? {
        let verdicts = runs.compactMap { run in Self.driftVerdict(run.metrics).map { (run, $0) } }
        guard !verdicts.isEmpty else { return nil }
        var table = HTMLTable(header: ["run", "level", "drifted share", "drifted columns"])
        for (run, verdict) in verdicts {
            let emphasis: Emphasis = switch verdict.level {
            case "none": .good
            case "moderate": .highlight
            default: .bad
            }
            table.rows.append([
                .init(Self.label(run)), .init(verdict.level, emphasis: emphasis), .number(verdict.share),
                .init(verdict.drifted.isEmpty ? "-" : verdict.drifted.joined(separator: ", ")),
            ])
        }
        return HTMLSection("Drift", [.table(table)])
    }

    /// What `ml drift` recorded, found by its report's keys (bare, or behind a file prefix).
    static func driftVerdict(_ metrics: FlatValues) -> (level: String, share: Double, drifted: [String])? {
        let levels: Set<String> = ["none", "moderate", "severe", "critical"]
        for (key, value) in metrics.entries where key == "level" || key.hasSuffix(":level") {
            guard case .string(let level) = value, levels.contains(level) else { continue }
            let prefix = String(key.dropLast("level".count))
            guard let share = metrics.number(prefix + "share") else { continue }
            var drifted: [String] = []
            if case .array(let names)? = metrics[prefix + "drifted"] {
                drifted = names.compactMap { if case .string(let name) = $0 { name } else { nil } }
            }
            return (level, share, drifted)
        }
        return nil
    }
}
