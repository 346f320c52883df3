import Basics
import Dispatch
import Explanation
import Foundation
import GradientBoosting
import Tabular

/// `sluice ml explain`: SHAP values (exact TreeSHAP, as XGBoost's `pred_contribs=True`)
/// for every row of an input CSV, in margin space, written as a CSV with a column
/// per model feature and `bias`, and optionally drawn as a self-contained HTML page.
///
/// The features are the model's: after the preprocessor, when a bundle or
/// `--preprocessor` gives one (scaled values, encoded columns), since those are what
/// the trees split on.
package struct ExplainTask: Sendable {
    /// Inputs and outputs.
    package struct Options: Sendable {
        /// The model file, or a bundle directory (whose preprocessor is then applied).
        package var modelPath: String
        /// The input CSV; a target column in it is ignored.
        package var inputPath: String
        /// The SHAP values CSV to write.
        package var outputPath: String
        /// The HTML page to write, when asked.
        package var htmlPath: String?
        /// A preprocessor to apply to raw input first.
        package var preprocessorPath: String?
        /// Threads to compute on.
        package var threads = Parallel.processorCount

        /// Options with the required paths.
        package init(modelPath: String, inputPath: String, outputPath: String) {
            self.modelPath = modelPath
            self.inputPath = inputPath
            self.outputPath = outputPath
        }
    }

    /// What was written.
    package struct Result: Sendable {
        /// Rows explained.
        package var rows: Int
        /// The model's features (the CSV's columns before `bias`).
        package var features: [String]
        /// The bias every row shares: the model's expected margin.
        package var expectedValue: Double
        /// Features by mean |SHAP|, largest first, with that mean.
        package var ranking: [(feature: String, meanAbsolute: Double)]
        /// Seconds spent computing SHAP values (not reading or writing files).
        package var explainSeconds: Double
    }

    /// The name of the bias column, unless a feature already has it.
    static let biasColumn = "bias"

    /// The options.
    package let options: Options

    /// A task with `options`.
    package init(options: Options) { self.options = options }

    /// Computes the SHAP values and writes the CSV (and the page).
    package func run() throws -> Result {
        let inputs = try ModelInputs(ModelLocation(model: options.modelPath, preprocessor: options.preprocessorPath))
        let explainer = try TrainTask.asTaskFailure { try TreeExplainer(inputs.model) }
        let table = try ModelColumns.readCSV(options.inputPath, categories: inputs.categoryColumns)
        let columns = try inputs.columns(of: table, target: nil, requireTarget: false, source: options.inputPath)
        let start = DispatchTime.now().uptimeNanoseconds
        let shap = explainer.shapValues(columns: columns.features, threads: options.threads)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let names = inputs.model.featureNames
        let bias = names.contains(Self.biasColumn) ? "shap_" + Self.biasColumn : Self.biasColumn
        // float32 values, written in their shortest spelling, which reads back to the same float.
        let output = try Table((0...names.count).map { column in
            (name: column == names.count ? bias : names[column],
             column: Column.numeric(shap.column(column).map { Double($0.description) ?? Double($0) }))
        })
        try CSVWriter.write(output, to: options.outputPath)
        let means = shap.meanAbsolute
        let ranking = names.indices.sorted { means[$0] != means[$1] ? means[$0] > means[$1] : $0 < $1 }.map { (names[$0], means[$0]) }
        if let htmlPath = options.htmlPath {
            let page = Self.page(shap: shap, features: columns.features, ranking: ranking, model: options.modelPath, input: options.inputPath,
                                 preprocessed: inputs.preprocessor != nil, categoryNames: inputs.model.categoryNames)
            try AtomicFile.write(page.html(), to: htmlPath)
        }
        return Result(rows: shap.rowCount, features: names, expectedValue: Double(explainer.expectedValue), ranking: ranking,
                      explainSeconds: seconds)
    }
}
