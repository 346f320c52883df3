import CommandLineKit

/// `sluice metrics`: a group for the metrics subcommands.
struct MetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "metrics", abstract: "Show metrics, or compare them with a recorded run.",
        subcommands: [MetricsShowCommand.self, MetricsDiffCommand.self])

    init(_ values: ParsedValues) throws {}
}
