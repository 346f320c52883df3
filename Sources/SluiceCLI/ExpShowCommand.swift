import Basics
import CommandLineKit
import Experiments
import Project
import RunStore

/// `sluice exp show`: the experiments side by side, best first.
struct ExpShowCommand: RunnableCommand {
    static let sortBy = Option<String?>(
        long: "sort-by", valueName: "metric", help: "Order by this metric (a key, or its last part such as rmse).")
    static let sortOrder = Option<String?>(
        long: "sort-order", valueName: "asc|desc", help: "Smallest or largest first (default: smallest for rmse, loss, error, mae…).")
    static let json = Flag(long: "json", help: "Print the table as JSON, with every metric.")
    static let csv = Flag(long: "csv", help: "Print the table as CSV, with every metric.")

    static let configuration = CommandConfiguration(
        name: "show",
        abstract: "List experiments with the params they changed and their metrics, best first.",
        discussion: """
            One row per experiment. Without --sort-by the rows are ordered by the first of \
            rmse, mae, mse, loss, error, auc, accuracy, f1, r2 that the experiments recorded, \
            else newest first. Experiments without the metric (failed ones) come last.
            """,
        arguments: [sortBy, sortOrder, json, csv],
        examples: ["sluice exp show", "sluice exp show --sort-by r2", "sluice exp show --json"])

    let file: String?
    let sortBy: String?
    let order: ExperimentTable.Order?
    let json: Bool
    let csv: Bool

    init(_ values: ParsedValues) throws {
        file = try values[SluiceCommand.file]
        sortBy = try values[Self.sortBy]
        if let text = try values[Self.sortOrder] {
            guard let order = ExperimentTable.Order(rawValue: text) else { throw values.invalidValue(Self.sortOrder, "expected asc or desc") }
            self.order = order
        } else {
            order = nil
        }
        json = try values[Self.json]
        csv = try values[Self.csv]
        if json && csv { throw values.invalidValue(Self.csv, "give --json or --csv, not both") }
    }

    func run(_ console: Console) throws -> ExitCode {
        let workspace = try Workspace.locate(file: file)
        let (experiments, problems) = ExperimentStore(workspace: workspace).experiments()
        console.warn(problems.map(\.description))
        let table = try ExperimentTable(experiments, sortBy: sortBy, order: order)
        if json {
            console.out(JSONWriter.pretty.string(table.json))
        } else if csv {
            console.out(Self.csv(table))
        } else if table.rows.isEmpty {
            console.out("No experiments yet: 'sluice exp run -S key=value' runs one.")
        } else {
            console.out(Self.text(table))
        }
        return .success
    }

    /// The table for a terminal: the sort metric and up to three other numeric metrics.
    static func text(_ table: ExperimentTable) -> String {
        var metrics: [String] = table.sortedBy.map { [$0.key] } ?? []
        for key in table.metricKeys where metrics.count < 4 && !metrics.contains(key) {
            if table.rows.contains(where: { $0.metrics.number(key) != nil }) { metrics.append(key) }
        }
        var text = TextTable(header: ["Experiment", "Status", "Run"] + metrics + table.paramKeys)
        for row in table.rows {
            let params = table.paramKeys.map { key in RunFormat.value(row.params.first { $0.key == key }?.value) }
            text.rows.append([row.name, row.status.rawValue, row.run] + metrics.map { RunFormat.value(row.metrics[$0]) } + params)
        }
        return text.text
    }

    /// Every column: name, status, run, created, each metric, each param.
    static func csv(_ table: ExperimentTable) -> String {
        var lines = [(["experiment", "status", "run", "created"] + table.metricKeys + table.paramKeys).map(csvField).joined(separator: ",")]
        for row in table.rows {
            let params = table.paramKeys.map { key in row.params.first { $0.key == key }.map { csvValue($0.value) } ?? "" }
            let metrics = table.metricKeys.map { row.metrics[$0].map(csvValue) ?? "" }
            lines.append(([row.name, row.status.rawValue, row.run, Timestamp.string(row.created)] + metrics + params).map(csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\n")
    }

    private static func csvValue(_ value: JSONValue) -> String {
        if case .string(let text) = value { return text }
        return JSONWriter.canonical.string(value)
    }

    /// A field quoted when it holds a comma, a quote or a line break.
    private static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
