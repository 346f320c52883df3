import Basics
import CommandLineKit

/// `sluice params diff [RUN]`: the params the pipeline tracks now against a recorded run's.
struct ParamsDiffCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        name: "diff",
        abstract: "Compare the tracked params with a recorded run's (default: the latest).",
        discussion: "Shows the params whose values differ; --all shows every tracked param.",
        arguments: [
            .positional("run", help: "The run: an id or its prefix, a name, 'latest' or 'latest~N'.", default: "latest"),
            .flag(long: "all", help: "Show unchanged params too."),
            .flag(long: "json", help: "Print JSON: param -> old, new and diff."),
        ],
        examples: ["sluice params diff", "sluice params diff baseline --json"])

    let file: String?
    let reference: String
    let all: Bool
    let json: Bool

    init(_ values: ParsedValues) throws {
        file = values.string("file")
        reference = values.string("run") ?? "latest"
        all = values.flag("all")
        json = values.flag("json")
    }

    func run(_ console: Console) throws -> ExitCode {
        let context = try RunsContext(file: file, console: console)
        let run = try context.resolve(reference)
        let current = WorkspaceValues.params(of: try context.workspace.loadPipeline())
        let diff = WorkspaceDiff(run: run, old: run.params, new: current, all: all)
        console.out(json ? JSONWriter.pretty.string(diff.json(section: "params")) : diff.text(keyTitle: "Param", noun: "params", showChange: false))
        return .success
    }
}
