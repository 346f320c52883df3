import Basics
import CommandLineKit
import Project

/// `sluice params diff [RUN]`: the params the pipeline tracks now against a recorded run's.
struct ParamsDiffCommand: WorkspaceDiffCommand {
    static let section = WorkspaceDiff.Section.params
    static let run = RunsCommand.run
    static let all = Flag(long: "all", help: "Show unchanged params too.")
    static let json = Flag(long: "json", help: "Print JSON: param -> old, new and diff.")

    static let configuration = CommandConfiguration(
        name: "diff",
        abstract: "Compare the tracked params with a recorded run's (default: the latest).",
        discussion: "Shows the params whose values differ; --all shows every tracked param.",
        arguments: [run, all, json],
        examples: ["sluice params diff", "sluice params diff baseline --json"])

    let file: String?
    let reference: String
    let all: Bool
    let json: Bool

    init(_ values: ParsedValues) throws {
        file = try values[SluiceCommand.file]
        reference = try values[Self.run]
        all = try values[Self.all]
        json = try values[Self.json]
    }
}
