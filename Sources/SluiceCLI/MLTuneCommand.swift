import Basics
import CommandLineKit
import Foundation
import MLTasks

/// `sluice ml tune`: cross-validated search over the train hyperparameters.
struct MLTuneCommand: RunnableCommand {
    static let train = Option<String>(long: "train", valueName: "csv", help: "The prepared training CSV.")
    static let target = Option<String?>(
        long: "target", valueName: "column", help: "The target column (default: the one the preprocessor file names).")
    static let preprocessor = Option<String?>(
        long: "preprocessor", valueName: "path",
        help: "The preprocessor file that prepared the data (default: models/preprocessor.json when --target is not given).")
    static let out = Option<String>(
        long: "out", valueName: "path", help: "The params file to write: the train section with the best candidate's values.",
        default: "models/best_params.yaml")
    static let metrics = Option<String?>(
        long: "metrics", valueName: "path", help: "The metrics JSON to write (the ranked table, the best candidate).")
    static let table = Option<String?>(long: "table", valueName: "path", help: "The ranked table as CSV.")
    static let folds = Option<String?>(long: "folds", valueName: "path", help: "Each row's fold as CSV (row, fold).")
    static let json = Flag(long: "json", help: "Print the metrics as JSON.")
    static let params = ParamsOptions.params
    static let section = ParamsOptions.section(default: "tune")

    static let configuration = CommandConfiguration(
        name: "tune",
        abstract: "Search the train hyperparameters by K-fold cross-validation.",
        discussion: """
            The tune section of params.yaml gives the folds (cv), the method (random or grid), \
            n_iter, seed, the metric and the space: train keys mapped to sweeps such as \
            'range(3,9)', 'choice(0.1,0.3)', 'uniform(0.5,1)', 'loguniform(0.01,0.3)' or \
            'randint(1,10)'. Each candidate starts from the train section. The training data is \
            binned once, and candidates × folds train in parallel. The best candidate's train \
            section is written to --out, which `sluice ml train --params` reads.
            """,
        arguments: [train, target, preprocessor, out, metrics, table, folds, json, params, section],
        examples: [
            "sluice ml tune --train data/processed/train.csv --out models/best_params.yaml --metrics metrics/tune.json",
            "sluice ml train --train data/processed/train.csv --params models/best_params.yaml",
        ])

    let options: TuneTask.Options
    let json: Bool

    init(_ values: ParsedValues) throws {
        var options = TuneTask.Options(trainPath: try values[Self.train], outPath: try values[Self.out])
        options.target = try values[Self.target]
        options.preprocessorPath = try values[Self.preprocessor]
        options.metricsPath = try values[Self.metrics]
        options.tablePath = try values[Self.table]
        options.foldsPath = try values[Self.folds]
        options.paramsPath = try values[Self.params]
        options.section = try values[Self.section]
        self.options = options
        json = try values[Self.json]
    }

    func run(_ console: Console) throws -> ExitCode {
        let result = try TuneTask(options: options).run { progress in console.err(Self.progressLine(progress)) }
        console.warn(result.warnings)
        if json {
            console.out(JSONWriter.pretty.string(result.metrics))
            return .success
        }
        let metric = result.metric
        let rows = result.ranked.prefix(10).enumerated().map { rank, candidate in
            ["\(rank + 1)", "\(candidate.number)", Self.score(candidate), candidate.point.label]
        }
        console.out(TextTable(header: ["Rank", "Candidate", "\(metric) (mean ± sd)", "Params"], rows: rows).text)
        if result.ranked.count > 10 { console.out("… \(result.ranked.count - 10) more in the metrics file") }
        console.out("Searched \(result.ranked.count) candidates × \(result.folds) folds in \(String(format: "%.2f", result.fitSeconds)) s"
            + " (\(result.maximizes ? "greater" : "lower") \(metric) is better)")
        console.out("Wrote \([options.outPath, options.metricsPath, options.tablePath, options.foldsPath].compactMap { $0 }.joined(separator: ", "))")
        return .success
    }

    /// `[3/6] max_depth=5 learning_rate=0.1  rmse 3.21 ± 0.40  (1.2 s)`.
    static func progressLine(_ progress: TuneProgress) -> String {
        "[\(progress.finished)/\(progress.total)] candidate \(progress.candidate.number): \(progress.candidate.point.label)  "
            + "\(progress.metric) \(score(progress.candidate))  (\(String(format: "%.1f", progress.elapsed)) s)"
    }

    static func score(_ candidate: TuneCandidate) -> String {
        "\(NumberFormat.human(candidate.mean)) ± \(NumberFormat.human(candidate.standardDeviation))"
    }
}
