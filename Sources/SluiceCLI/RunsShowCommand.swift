import Basics
import CommandLineKit
import Foundation
import RunStore

/// `sluice runs show`: everything about one run.
struct RunsShowCommand: RunnableCommand {
    static let run = RunsCommand.run
    static let json = Flag(long: "json", help: "Print JSON: run.json with params, metrics and history.")

    static let configuration = CommandConfiguration(
        name: "show",
        abstract: "Show one run: status, times, commit, stages, params, metrics and history.",
        arguments: [run, json],
        examples: ["sluice runs show", "sluice runs show latest~1", "sluice runs show 20261122-1030 --json"])

    let file: String?
    let reference: String
    let json: Bool

    init(_ values: ParsedValues) throws {
        file = try values[SluiceCommand.file]
        reference = try values[Self.run]
        json = try values[Self.json]
    }

    func run(_ console: Console) throws -> ExitCode {
        let context = try RunsContext(file: file, console: console)
        let run = try context.resolve(reference)
        if json {
            console.out(JSONWriter.pretty.string(run.json))
        } else {
            console.out(Self.render(run, now: context.now))
        }
        return .success
    }

    /// The text form: a header of facts, then stages, params, metrics and history.
    static func render(_ run: StoredRun, now: Date) -> String {
        let record = run.record
        var facts: [[String]] = [
            ["Run", run.id + (record.name.map { " (\($0))" } ?? "")],
            ["Status", run.status.rawValue + (run.status == .killed && record.status == .running
                ? " (recorded as running; process \(record.process.map { String($0.pid) } ?? "?") is gone)" : "")],
            ["Started", RunFormat.time(record.startTime) + " (\(RunFormat.age(record.startTime, now: now)) ago)"],
            ["Ended", record.endTime.map(RunFormat.time) ?? "-"],
            ["Duration", RunFormat.duration(record.duration)],
            ["Command", record.command.joined(separator: " ")],
        ]
        if let git = record.git {
            facts.append(["Git", git.commit + (git.branch.map { " on \($0)" } ?? "") + (git.dirty ? " (uncommitted changes)" : "")])
        }
        facts.append(["Sluice", record.sluiceVersion])
        var sections = [TextTable(rows: facts).text]
        if !record.stages.isEmpty {
            let rows = record.stages.map { stage in
                [stage.name, stage.action.rawValue, RunFormat.duration(stage.duration), stage.exitCode.map(String.init) ?? "-",
                 stage.log ?? "-", stage.message ?? stage.reasons.joined(separator: "; ")]
            }
            sections.append("Stages:\n" + TextTable(header: ["Stage", "Action", "Duration", "Exit", "Log", "Why"], rows: rows, indent: "  ").text)
        }
        sections.append(valuesSection("Params", run.params))
        sections.append(valuesSection("Metrics", run.metrics))
        let history = run.history()
        if !history.isEmpty {
            var byKey: [String: [HistoryPoint]] = [:], order: [String] = []
            for point in history {
                if byKey[point.key] == nil { order.append(point.key) }
                byKey[point.key, default: []].append(point)
            }
            let rows = order.map { key in
                let points = byKey[key] ?? []
                let last = points.max { ($0.step, $0.time) < ($1.step, $1.time) }
                return [key, "\(points.count) point\(points.count == 1 ? "" : "s")",
                        last.map { "last \(NumberFormat.human($0.value)) at step \($0.step)" } ?? ""]
            }
            sections.append("History:\n" + TextTable(rows: rows, indent: "  ").text)
        }
        return sections.joined(separator: "\n\n")
    }

    private static func valuesSection(_ title: String, _ values: FlatValues) -> String {
        guard !values.isEmpty else { return "\(title): none" }
        return "\(title):\n" + TextTable(rows: values.entries.map { [$0.key, RunFormat.value($0.value)] }, indent: "  ").text
    }
}
