import Basics
import CommandLineKit
import Foundation
import PipelineExport
import Project

/// `sluice export`: the pipeline as another engine's file, every stage one task.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "export", abstract: "Write the pipeline as an Airflow DAG or a GitHub Actions workflow.",
        discussion: """
            Every stage becomes one task that runs `sluice repro --pull -s STAGE` and `sluice push \
            STAGE` in its own checkout, with edges from the stage graph: the tasks share nothing but \
            the project's default remote. A stage's meta: may set `retries` (a count) and `timeout` \
            (90, 90s, 30m or 2h) for its task.
            """,
        subcommands: [ExportAirflowCommand.self, ExportGitHubActionsCommand.self])

    /// `--schedule`, which both exporters take.
    static let schedule = Option<String?>(
        long: "schedule", valueName: "cron", help: "Run on this cron schedule (e.g. '17 4 * * 1'), besides by hand.")

    init(_ values: ParsedValues) throws {}

    /// The pipeline of the project `file` belongs to, ready to render, and the file to pass
    /// to `--file` when one was named.
    static func load(file: String?) throws -> (pipeline: ExportedPipeline, workspace: Workspace) {
        let workspace = try Workspace.locate(file: file)
        return (try ExportedPipeline(workspace.loadPipeline()), workspace)
    }

    /// `--file` as the generated commands must pass it: relative to the project root.
    static func pipelineFile(_ file: String?, workspace: Workspace) -> String? {
        guard let file else { return nil }
        let absolute = file.hasPrefix("/") ? file : FileManager.default.currentDirectoryPath + "/" + file
        let root = workspace.root.hasSuffix("/") ? workspace.root : workspace.root + "/"
        return absolute.hasPrefix(root) ? String(absolute.dropFirst(root.count)) : file
    }

    /// A located usage error when `schedule` is not five cron fields or an `@` preset.
    static func validate(schedule: String?, values: ParsedValues) throws {
        guard let schedule else { return }
        let fields = schedule.split(separator: " ", omittingEmptySubsequences: true)
        let preset = schedule.hasPrefix("@") && fields.count == 1
        guard preset || fields.count == 5, !schedule.contains(where: \.isNewline) else {
            throw values.invalidValue(Self.schedule, "expected five cron fields such as '17 4 * * 1', or a preset such as '@daily'")
        }
    }

    /// Writes `text` to `path` (creating folders; `-` is standard output) and says so.
    static func write(_ text: String, to path: String, what: String, console: Console) throws -> ExitCode {
        try AtomicFile.write(text, to: path)
        if path != AtomicFile.standardOutputPath { console.out("Wrote \(path) (\(what))") }
        return .success
    }
}
