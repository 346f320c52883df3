import Basics
import CommandLineKit
import Project

/// `sluice metrics diff [RUN]`: the workspace's metrics against a recorded run's.
struct MetricsDiffCommand: WorkspaceDiffCommand {
    static let section = WorkspaceDiff.Section.metrics

    static let configuration = CommandConfiguration(
        name: "diff",
        abstract: "Compare the workspace's metrics with a recorded run's (default: the latest).",
        discussion: "Shows the metrics whose values differ, with the change for numbers; --all shows every metric.",
        arguments: [
            .positional("run", help: "The run: an id or its prefix, a name, 'latest' or 'latest~N'.", default: "latest"),
            .flag(long: "all", help: "Show unchanged metrics too."),
            .flag(long: "json", help: "Print JSON: metric -> old, new and diff."),
        ],
        examples: ["sluice metrics diff", "sluice metrics diff latest~1 --json"])

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
