import Basics
import CommandLineKit
import Foundation
import RunStore

/// `sluice runs`: a group for inspecting and exporting the run store.
struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "runs", abstract: "List, show, compare, export and prune recorded runs.",
        discussion: """
            Every 'sluice repro' that runs or restores a stage is recorded in runs/<id>/: run.json, \
            params.json, metrics.json, history.jsonl and logs/. A RUN is an id, a unique prefix of \
            one, a run name, 'latest' or 'latest~N' (N runs before the latest).
            """,
        subcommands: [
            RunsListCommand.self, RunsShowCommand.self, RunsCompareCommand.self, RunsExportCommand.self, RunsGcCommand.self,
        ])

    init(_ values: ParsedValues) throws {}
}

/// The run store of the current project, as the inspection commands read it.
struct RunsContext {
    let workspace: Workspace
    let store: RunStore
    /// Readable runs, oldest first.
    let runs: [StoredRun]
    /// Now, for ages.
    let now: Date

    /// Reads the store; unreadable run folders are reported as warnings and left out.
    init(file: String?, console: Console) throws {
        workspace = try Workspace.locate(file: file)
        store = RunStore(directory: workspace.runsDirectory)
        let (runs, problems) = store.runs()
        for var problem in problems {
            problem.severity = .warning  // one broken folder must not hide the other runs
            console.err(workspace.printer.render(problem))
        }
        self.runs = runs
        now = try SluiceClock.now()
    }

    /// The run a user's reference names.
    func resolve(_ reference: String) throws(Diagnostic) -> StoredRun {
        try RunReference.resolve(reference, in: runs)
    }
}

/// JSON forms of runs shared by the inspection commands.
enum RunJSON {
    /// A run without its stages, process and history: what a list needs.
    static func summary(_ run: StoredRun) -> JSONValue {
        let record = run.record
        return .object([
            "id": .string(run.id), "name": record.name.map(JSONValue.string) ?? .null, "status": .string(run.status.rawValue),
            "start_time": .string(Timestamp.string(record.startTime)),
            "end_time": record.endTime.map { .string(Timestamp.string($0)) } ?? .null,
            "duration": record.duration.map(JSONValue.double) ?? .null, "git": record.git?.json ?? .null,
            "params": run.params.json, "metrics": run.metrics.json,
        ])
    }
}
