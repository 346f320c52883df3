import CommandLineKit

/// `sluice ml`: a group for the built-in ML tasks.
struct MLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "ml", abstract: "Run a built-in ML task (train, evaluate, predict).",
        discussion: """
            Each task is an ordinary command that a pipeline stage runs through its cmd, or \
            that you run by hand. Hyperparameters come from params.yaml.
            """,
        subcommands: [MLTrainCommand.self, MLEvaluateCommand.self, MLPredictCommand.self])

    init(_ values: ParsedValues) throws {}
}
