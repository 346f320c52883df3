import Basics
import CommandLineKit
import Project

/// `params diff` and `metrics diff`: one implementation, two sections.
protocol WorkspaceDiffCommand: RunnableCommand {
    /// What the command compares.
    static var section: WorkspaceDiff.Section { get }
    /// The `--file` option.
    var file: String? { get }
    /// The run to compare with.
    var reference: String { get }
    /// Whether unchanged keys are shown too.
    var all: Bool { get }
    /// Whether to print JSON.
    var json: Bool { get }
}

extension WorkspaceDiffCommand {
    func run(_ console: Console) throws -> ExitCode {
        let context = try RunsContext(file: file, console: console)
        let run = try context.resolve(reference)
        let diff = WorkspaceDiff(run: run, workspace: try context.workspace.loadPipeline(), section: Self.section, all: all)
        console.warn(diff.warnings)
        console.out(json ? JSONWriter.pretty.string(diff.json) : diff.text)
        return .success
    }
}

extension WorkspaceDiff {
    /// A table with a column for the run and one for the workspace (and the change, for
    /// metrics), or a line saying nothing changed.
    var text: String {
        guard !rows.isEmpty else { return "No \(section.rawValue) changed since run \(run.id)." }
        let showChange = section == .metrics
        let keyTitle = section == .metrics ? "Metric" : "Param"
        var table = TextTable(header: [keyTitle, run.id, "workspace"] + (showChange ? ["Change"] : []))
        for row in rows {
            let change = row.deltas[1].map(RunFormat.delta) ?? "-"
            table.rows.append([row.key, RunFormat.value(row.values[0]), RunFormat.value(row.values[1])] + (showChange ? [change] : []))
        }
        return table.text
    }
}
