import Basics
import CommandLineKit
import Project

/// `sluice params diff [RUN]`: the params the pipeline tracks now against a recorded run's.
struct ParamsDiffCommand: WorkspaceDiffCommand {
    static let section = WorkspaceDiff.Section.params

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
}
