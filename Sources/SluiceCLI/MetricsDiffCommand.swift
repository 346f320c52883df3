import Basics
import CommandLineKit
import Project

/// `sluice metrics diff [RUN]`: the workspace's metrics against a recorded run's.
struct MetricsDiffCommand: WorkspaceDiffCommand {
    static let section = WorkspaceDiff.Section.metrics
    static let run = RunsCommand.run
    static let all = Flag(long: "all", help: "Show unchanged metrics too.")
    static let json = Flag(long: "json", help: "Print JSON: metric -> old, new and diff.")

    static let configuration = CommandConfiguration(
        name: "diff",
        abstract: "Compare the workspace's metrics with a recorded run's (default: the latest).",
        discussion: "Shows the metrics whose values differ, with the change for numbers; --all shows every metric.",
        arguments: [run, all, json],
        examples: ["sluice metrics diff", "sluice metrics diff latest~1 --json"])

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
