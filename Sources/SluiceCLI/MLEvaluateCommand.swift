import Basics
import CommandLineKit
import MLTasks

/// `sluice ml evaluate`: a model's metrics on a labelled CSV.
struct MLEvaluateCommand: RunnableCommand {
    static let model = Option<String>(long: "model", valueName: "path", help: "The model file, or a bundle directory.", default: "models/model.json")
    static let data = Option<String>(long: "data", valueName: "csv", help: "The labelled CSV.")
    static let metrics = Option<String?>(long: "metrics", valueName: "path", help: "The metrics JSON to write.")
    static let target = Option<String?>(long: "target", valueName: "column", help: "The target column (default: the one the model was trained on).")
    static let preprocessor = Option<String?>(long: "preprocessor", valueName: "path", help: "A preprocessor file to apply to raw data first.")
    static let plots = Option<String?>(
        long: "plots", valueName: "dir",
        help: "A folder for plot data: predicted_vs_actual.csv and residuals.csv, or roc.csv, precision_recall.csv, calibration.csv and confusion.csv.")
    static let json = Flag(long: "json", help: "Print the metrics as JSON.")

    static let configuration = CommandConfiguration(
        name: "evaluate",
        abstract: "Score a model on a labelled CSV.",
        discussion: """
            Regression models get RMSE, MAE, R² and MAPE; binary models log loss, AUC, accuracy, \
            precision, recall and F1 (a probability of 0.5 or more counts as class 1). Give a \
            bundle directory as --model to apply its preprocessor to raw data first. --plots writes the \
            plot data files that 'sluice plots show' draws (the confusion matrix at 0.5).
            """,
        arguments: [model, data, metrics, target, preprocessor, json, plots],
        examples: [
            "sluice ml evaluate --model models/model.json --data data/processed/test.csv --metrics metrics/eval.json",
        ])

    let options: EvaluateTask.Options
    let json: Bool

    init(_ values: ParsedValues) throws {
        var options = EvaluateTask.Options(modelPath: try values[Self.model], dataPath: try values[Self.data])
        options.metricsPath = try values[Self.metrics]
        options.target = try values[Self.target]
        options.preprocessorPath = try values[Self.preprocessor]
        options.plotsDirectory = try values[Self.plots]
        self.options = options
        json = try values[Self.json]
    }

    func run(_ console: Console) throws -> ExitCode {
        let result = try EvaluateTask(options: options).run()
        console.warn(result.warnings)
        if json {
            console.out(JSONWriter.pretty.string(result.json))
        } else {
            for (key, value) in result.metrics { console.out("\(key): \(NumberFormat.human(value))") }
            console.out("rows: \(result.rows)")
        }
        return .success
    }
}
