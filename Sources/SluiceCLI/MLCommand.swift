import CommandLineKit

/// `sluice ml`: the built-in ML steps, ordinary commands a stage runs.
struct MLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "ml",
        abstract: "Built-in ML steps: ingest, prepare, train, evaluate, export, predict.",
        discussion: """
            Each step is an ordinary command that a stage's cmd runs, reading its options \
            from a section of params.yaml (--params, --section). Run any of them by hand, or \
            replace any with your own program.
            """,
        subcommands: [
            MLIngestCommand.self, MLPrepareCommand.self, MLTrainCommand.self, MLTuneCommand.self, MLEvaluateCommand.self, MLDriftCommand.self, MLExportCommand.self, MLPromoteCommand.self, MLRegistryCommand.self, MLPredictCommand.self,
            MLExplainCommand.self,
        ])

    init(_ values: ParsedValues) throws {}
}

/// The `--params`/`--section` options every ML step shares.
enum ParamsOptions {
    /// `--params FILE`.
    static let params = Option<String>(long: "params", valueName: "path", help: "The params file.", default: "params.yaml")

    /// `--section NAME`, with the step's own section as the default.
    static func section(default section: String) -> Option<String> {
        Option(long: "section", valueName: "name", help: "The section of the params file to read.", default: section)
    }
}
