import Basics
import Foundation
import CommandLineKit
import MLTasks

/// `sluice ml predict`: batch predictions into a CSV.
struct MLPredictCommand: RunnableCommand {
    static let model = Option<String>(long: "model", valueName: "path", help: "The model file, or a bundle directory.", default: "models/model.json")
    static let input = Option<String>(long: "input", valueName: "csv", help: "The rows to predict.")
    static let out = Option<String>(long: "out", valueName: "csv", help: "The predictions CSV to write.")
    static let keep = Option<[String]>(long: "keep", valueName: "column", help: "An input column to copy into the output (repeatable).")
    static let preprocessor = Option<String?>(long: "preprocessor", valueName: "path", help: "A preprocessor file to apply to raw input first.")

    static let configuration = CommandConfiguration(
        name: "predict",
        abstract: "Write a model's predictions for every row of a CSV.",
        discussion: """
            The output has the --keep columns, then `prediction` (the probability of class 1 for \
            binary models). A target column in the input is ignored. Give a bundle directory as \
            --model (model.json and preprocessor.json), or --preprocessor, to predict from raw \
            data: the same imputation and scaling as in training are applied first.
            """,
        arguments: [model, input, out, keep, preprocessor],
        examples: [
            "sluice ml predict --model models/model.json --input data/processed/test.csv --out predictions.csv",
            "sluice ml predict --model models/production/latest --input new.csv --out predictions.csv --keep id",
        ])

    let options: PredictTask.Options

    init(_ values: ParsedValues) throws {
        var options = PredictTask.Options(
            modelPath: try values[Self.model], inputPath: try values[Self.input], outputPath: try values[Self.out])
        options.keep = try values[Self.keep]
        options.preprocessorPath = try values[Self.preprocessor]
        options.runDirectory = ProcessInfo.processInfo.environment["SLUICE_RUN_DIR"].flatMap { $0.isEmpty ? nil : $0 }
        self.options = options
    }

    func run(_ console: Console) throws -> ExitCode {
        let result = try PredictTask(options: options).run()
        let message = "Wrote \(result.rows) predictions to \(options.outputPath)"
        if AtomicFile.writesToStandardOutput(options.outputPath) { console.err(message) } else { console.out(message) }
        return .success
    }
}
