import Basics
import CommandLineKit
import MLTasks

/// `sluice ml evaluate`: a model's metrics on a labelled CSV.
struct MLEvaluateCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        name: "evaluate",
        abstract: "Score a model on a labelled CSV.",
        discussion: """
            Regression models get RMSE, MAE, R² and MAPE; binary models log loss, AUC, accuracy, \
            precision, recall and F1 (a probability of 0.5 or more counts as class 1). Give a \
            bundle directory as --model to apply its preprocessor to raw data first.
            """,
        arguments: [
            .option(long: "model", valueName: "path", help: "The model file, or a bundle directory.", default: "models/model.json"),
            .option(long: "data", valueName: "csv", help: "The labelled CSV.", required: true),
            .option(long: "metrics", valueName: "path", help: "The metrics JSON to write."),
            .option(long: "target", valueName: "column", help: "The target column (default: the one the model was trained on)."),
            .option(long: "preprocessor", valueName: "path", help: "A preprocessor file to apply to raw data first."),
            .flag(long: "json", help: "Print the metrics as JSON."),
        ],
        examples: [
            "sluice ml evaluate --model models/model.json --data data/processed/test.csv --metrics metrics/eval.json",
        ])

    let options: EvaluateTask.Options
    let json: Bool

    init(_ values: ParsedValues) throws {
        var options = EvaluateTask.Options(modelPath: values.string("model") ?? "models/model.json", dataPath: values.string("data") ?? "")
        options.metricsPath = values.string("metrics")
        options.target = values.string("target")
        options.preprocessorPath = values.string("preprocessor")
        self.options = options
        json = values.flag("json")
    }

    func run(_ console: Console) throws -> ExitCode {
        let result = try EvaluateTask(options: options).run()
        if json {
            console.out(JSONWriter.pretty.string(result.json))
        } else {
            for (key, value) in result.metrics { console.out("\(key): \(MLTrainCommand.format(value))") }
            console.out("rows: \(result.rows)")
        }
        return .success
    }
}
