import Basics
import CommandLineKit
import RunStore

/// `sluice runs compare`: params and metrics of several runs side by side.
struct RunsCompareCommand: RunnableCommand {
    static let runs = Positional<[String]>("runs", help: "Two or more runs: ids or prefixes, names, 'latest', 'latest~N'.")
    static let json = Flag(long: "json", help: "Print JSON: per key, the values, deltas and whether they changed.")

    static let configuration = CommandConfiguration(
        name: "compare",
        abstract: "Compare the params and metrics of runs side by side.",
        discussion: """
            Rows whose values differ are marked with '*'. Numeric metrics of the second and later \
            runs show their difference from the first run in parentheses.
            """,
        arguments: [runs, json],
        examples: ["sluice runs compare latest~1 latest", "sluice runs compare baseline deep latest --json"])

    let file: String?
    let references: [String]
    let json: Bool

    init(_ values: ParsedValues) throws {
        file = try values[SluiceCommand.file]
        references = try values[Self.runs]
        json = try values[Self.json]
        guard references.count >= 2 else { throw values.invalidValue(Self.runs, "name at least two runs to compare") }
    }

    func run(_ console: Console) throws -> ExitCode {
        let context = try RunsContext(file: file, console: console)
        var runs: [StoredRun] = [], problems: [Diagnostic] = []
        for reference in references {
            do {
                runs.append(try context.resolve(reference))
            } catch {
                problems.append(error)
            }
        }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        let params = ValueComparison(runs.map(\.params)), metrics = ValueComparison(runs.map(\.metrics))
        if json {
            console.out(JSONWriter.pretty.string(.object([
                "runs": .array(runs.map { .object(["id": .string($0.id), "name": $0.record.name.map(JSONValue.string) ?? .null]) }),
                "params": .array(params.rows.map(\.json)), "metrics": .array(metrics.rows.map(\.json)),
            ])))
            return .success
        }
        console.out(Self.render(runs: runs, params: params, metrics: metrics))
        return .success
    }

    /// One table: a column per run, a section of params rows and one of metrics rows.
    static func render(runs: [StoredRun], params: ValueComparison, metrics: ValueComparison) -> String {
        var table = TextTable(header: [""] + runs.map(\.id))
        if runs.contains(where: { $0.record.name != nil }) { table.rows.append([""] + runs.map { $0.record.name ?? "-" }) }
        for (title, comparison, showDeltas) in [("Params", params, false), ("Metrics", metrics, true)] {
            table.rows.append(["\(title):"] + (comparison.rows.isEmpty ? ["none"] : []))
            for row in comparison.rows {
                let deltas = row.deltas
                let cells = row.values.indices.map { index in
                    RunFormat.value(row.values[index]) + (showDeltas ? deltas[index].flatMap { $0 == 0 ? nil : " (\(RunFormat.delta($0)))" } ?? "" : "")
                }
                table.rows.append([(row.changed ? "* " : "  ") + row.key] + cells)
            }
        }
        return table.text
    }
}
