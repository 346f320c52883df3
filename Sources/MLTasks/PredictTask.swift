import Basics
import Foundation
import GradientBoosting
import RunStore
import Tabular

/// `sluice ml predict`: writes a CSV with a `prediction` column (the probability of
/// class 1 for binary models) for every row of an input CSV.
package struct PredictTask: Sendable {
    /// Inputs and outputs.
    package struct Options: Sendable {
        /// The model file, or a bundle directory (whose preprocessor is then applied).
        package var modelPath: String
        /// The input CSV; a target column in it is ignored.
        package var inputPath: String
        /// The predictions CSV to write.
        package var outputPath: String
        /// Input columns to copy into the output, before `prediction`.
        package var keep: [String] = []
        /// A preprocessor to apply to raw input first.
        package var preprocessorPath: String?
        /// The run directory whose batches.jsonl receives a summary of the batch.
        package var runDirectory: String?

        /// Options with the required paths.
        package init(modelPath: String, inputPath: String, outputPath: String) {
            self.modelPath = modelPath
            self.inputPath = inputPath
            self.outputPath = outputPath
        }
    }

    /// What was written.
    package struct Result: Sendable {
        /// Rows predicted.
        package var rows: Int
        /// Seconds spent predicting (not reading or writing files).
        package var predictSeconds: Double
    }

    /// The options.
    package let options: Options

    /// A task with `options`.
    package init(options: Options) { self.options = options }

    /// Predicts and writes the output CSV.
    package func run() throws -> Result {
        let inputs = try ModelInputs(ModelLocation(model: options.modelPath, preprocessor: options.preprocessorPath))
        let table = try ModelColumns.readCSV(options.inputPath, categories: inputs.categoryColumns)
        let kept = try Self.keptColumns(options.keep, of: table, path: options.inputPath)
        let columns = try inputs.columns(of: table, target: nil, requireTarget: false, source: options.inputPath)
        let start = DispatchTime.now().uptimeNanoseconds
        let predictions = inputs.model.predict(columns: columns.features)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        // Predictions are float32 values (as XGBoost's); their shortest spelling reads back to the same float.
        let written = predictions.map { Double(Float($0).description) ?? $0 }
        let output = try kept.appending(.numeric(written), named: "prediction")
        try CSVWriter.write(output, to: options.outputPath)
        if let runDirectory = options.runDirectory {
            let columns = inputs.preprocessor?.inputs ?? inputs.model.featureNames
            let rates = columns.compactMap { name in
                table[name].map { (column: name, rate: table.rowCount == 0 ? 0 : Double($0.missingCount) / Double(table.rowCount)) }
            }
            let sorted = Statistics.present(written).sorted()
            try BatchSummary(time: Date(), input: options.inputPath, model: options.modelPath, rows: written.count, predictSeconds: seconds,
                             missingRates: rates, mean: Statistics.mean(written),
                             quantileValues: BatchSummary.quantiles.map { Statistics.quantile(sorted: sorted, $0.level) }).append(toRun: runDirectory)
        }
        return Result(rows: predictions.count, predictSeconds: seconds)
    }
}
