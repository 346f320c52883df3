import CommandLineKit

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
            RunsListCommand.self, RunsShowCommand.self, RunsCompareCommand.self, RunsReportCommand.self, RunsExportCommand.self, RunsGcCommand.self,
        ])

    /// The `[<run>]` argument of the commands that look at one recorded run.
    static let run = Positional<String>(
        "run", help: "The run: an id or its prefix, a name, 'latest' or 'latest~N'.", default: "latest")

    init(_ values: ParsedValues) throws {}
}
