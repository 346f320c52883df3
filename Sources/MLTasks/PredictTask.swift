import Basics
import Foundation
import GradientBoosting
import Tabular

/// `sluice ml predict`: writes a CSV with a `prediction` column (the probability of
/// class 1 for binary models) for every row of an input CSV.
public struct PredictTask: Sendable {
    /// Inputs and outputs.
    public struct Options: Sendable {
        /// The model file, or a bundle directory (whose preprocessor is then applied).
        public var modelPath: String
        /// The input CSV; a target column in it is ignored.
        public var inputPath: String
        /// The predictions CSV to write.
        public var outputPath: String
        /// Input columns to copy into the output, before `prediction`.
        public var keep: [String] = []
        /// A preprocessor to apply to raw input first.
        public var preprocessorPath: String?

        /// Options with the required paths.
        public init(modelPath: String, inputPath: String, outputPath: String) {
            self.modelPath = modelPath
            self.inputPath = inputPath
            self.outputPath = outputPath
        }
    }

    /// What was written.
    public struct Result: Sendable {
        /// Rows predicted.
        public var rows: Int
        /// Seconds spent predicting (not reading or writing files).
        public var predictSeconds: Double
    }

    /// The options.
    public let options: Options

    /// A task with `options`.
    public init(options: Options) { self.options = options }

    /// Predicts and writes the output CSV.
    public func run() throws -> Result {
        let inputs = try ModelInputs(ModelLocation(model: options.modelPath, preprocessor: options.preprocessorPath))
        let table = try ModelColumns.readCSV(options.inputPath)
        let kept = try table.selecting(options.keep)
        let columns = try inputs.columns(of: table, target: nil, requireTarget: false, source: options.inputPath)
        let start = DispatchTime.now().uptimeNanoseconds
        let predictions = inputs.model.predict(columns: columns.features)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        // Predictions are float32 values (as XGBoost's); their shortest spelling reads back to the same float.
        let written = predictions.map { Double(Float($0).description) ?? $0 }
        let output = try kept.appending(.numeric(written), named: "prediction")
        try CSVWriter.write(output, to: options.outputPath)
        return Result(rows: predictions.count, predictSeconds: seconds)
    }
}
