import Basics
import Foundation
import GradientBoosting
import Tabular

/// `sluice ml evaluate`: scores a model on a labelled CSV and writes the metrics.
package struct EvaluateTask: Sendable {
    /// Inputs and outputs.
    package struct Options: Sendable {
        /// The model file, or a bundle directory (whose preprocessor is then applied).
        package var modelPath: String
        /// The labelled CSV.
        package var dataPath: String
        /// The metrics JSON to write.
        package var metricsPath: String?
        /// The target column (default: the one the model was trained on).
        package var target: String?
        /// A preprocessor to apply to raw data first.
        package var preprocessorPath: String?
        /// A folder for plot data files (`EvaluationPlots`); nil writes none.
        package var plotsDirectory: String?

        /// Options with the required paths.
        package init(modelPath: String, dataPath: String) {
            self.modelPath = modelPath
            self.dataPath = dataPath
        }
    }

    /// The metrics, in the order they are reported.
    package struct Result: Sendable {
        /// The objective the model was trained for.
        package var objective: Objective
        /// The number of rows scored.
        package var rows: Int
        /// Metric names and values.
        package var metrics: [(key: String, value: Double)]
        /// What a person should know about the data (feature values taken as missing).
        package var warnings: [String] = []

        /// The metrics document: the metrics, then `rows`.
        package var json: JSONValue { .object(metrics.map { ($0.key, .double($0.value)) } + [("rows", .int(rows))]) }
    }

    /// The options.
    package let options: Options

    /// A task with `options`.
    package init(options: Options) { self.options = options }

    /// Scores the model and writes the metrics file.
    package func run() throws -> Result {
        let inputs = try ModelInputs(ModelLocation(model: options.modelPath, preprocessor: options.preprocessorPath))
        let table = try ModelColumns.readCSV(options.dataPath, categories: inputs.categoryColumns)
        let columns = try inputs.columns(of: table, target: options.target, requireTarget: true, source: options.dataPath)
        let labels = columns.target ?? []
        let objective = inputs.model.objective
        // A label the objective cannot learn has no defined error either (an infinite RMSE is not a score).
        try TrainTask.checkLabels(labels, column: options.target ?? inputs.model.targetName ?? inputs.preprocessor?.target ?? "",
                                  objective: objective, source: options.dataPath)
        let predictions = inputs.model.predict(columns: columns.features)
        let infinite = InfiniteValues.count(features: columns.features, names: inputs.model.featureNames)
        let result = Result(
            objective: objective, rows: labels.count,
            metrics: try ModelMetrics.evaluate(objective: objective, labels: labels, predictions: predictions),
            warnings: InfiniteValues.warning(infinite, source: options.dataPath).map { [$0] } ?? [])
        if let plotsDirectory = options.plotsDirectory {
            try FileManager.default.createDirectory(atPath: plotsDirectory, withIntermediateDirectories: true)
            for (name, table) in try EvaluationPlots.tables(binary: objective == .logistic, labels: labels, predictions: predictions) {
                try CSVWriter.write(table, to: plotsDirectory + "/" + name)
            }
        }
        if let metricsPath = options.metricsPath {
            try AtomicFile.write(JSONWriter.pretty.string(result.json) + "\n", to: metricsPath)
        }
        return result
    }
}
