import Basics
import CommandLineKit
import Foundation
import MLTasks

/// `sluice ml explain`: SHAP values of a tree model for every row of a CSV.
struct MLExplainCommand: RunnableCommand {
    static let model = Option<String>(long: "model", valueName: "path", help: "The model file, or a bundle directory.", default: "models/model.json")
    static let input = Option<String>(long: "input", valueName: "csv", help: "The rows to explain.")
    static let out = Option<String>(long: "out", valueName: "csv", help: "The SHAP values CSV to write.")
    static let html = Option<String?>(long: "html", valueName: "path", help: "A self-contained HTML page: mean |SHAP| and dependence plots.")
    static let preprocessor = Option<String?>(long: "preprocessor", valueName: "path", help: "A preprocessor file to apply to raw input first.")

    static let configuration = CommandConfiguration(
        name: "explain",
        abstract: "Write SHAP values (exact TreeSHAP) for every row of a CSV.",
        discussion: """
            The output has one row per input row: a column per model feature, then `bias`. Values \
            are in margin space (log-odds for binary models) and each row's add up to its raw \
            score, as XGBoost's predict(pred_contribs=True) gives them. The features are the \
            model's: with a bundle directory or --preprocessor, raw input is preprocessed first \
            and the columns are the preprocessed (scaled, encoded) features. --html draws the \
            mean |SHAP| of the top 20 features and a dependence plot for the top 3.
            """,
        arguments: [model, input, out, html, preprocessor],
        examples: [
            "sluice ml explain --model models/model.json --input data/processed/test.csv --out shap.csv",
            "sluice ml explain --model models/production/latest --input new.csv --out shap.csv --html explain.html",
        ])

    let options: ExplainTask.Options

    init(_ values: ParsedValues) throws {
        var options = ExplainTask.Options(modelPath: try values[Self.model], inputPath: try values[Self.input], outputPath: try values[Self.out])
        options.htmlPath = try values[Self.html]
        options.preprocessorPath = try values[Self.preprocessor]
        self.options = options
    }

    func run(_ console: Console) throws -> ExitCode {
        let result = try ExplainTask(options: options).run()
        var lines = ["Wrote SHAP values of \(result.rows) rows × \(result.features.count) features to \(options.outputPath) (computed in \(String(format: "%.3f", result.explainSeconds)) s)"]
        if result.rows > 0 && !result.ranking.isEmpty {
            // About 5 significant digits: a number for people, the CSV has them all.
            lines.append("Top features by mean |SHAP|: "
                + result.ranking.prefix(3).map { "\($0.feature) \(String(format: "%.5g", $0.meanAbsolute))" }.joined(separator: ", "))
        }
        if let html = options.htmlPath { lines.append("Wrote \(html)") }
        for line in lines {
            if AtomicFile.writesToStandardOutput(options.outputPath) { console.err(line) } else { console.out(line) }
        }
        return .success
    }
}
