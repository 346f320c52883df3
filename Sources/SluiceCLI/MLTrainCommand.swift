import Basics
import CommandLineKit
import Foundation
import GradientBoosting
import MLTasks

/// `sluice ml train`: gradient-boosted trees from a prepared CSV.
struct MLTrainCommand: RunnableCommand {
    static let train = Option<String>(long: "train", valueName: "csv", help: "The prepared training CSV.")
    static let target = Option<String?>(
        long: "target", valueName: "column", help: "The target column (default: the one the preprocessor file names).")
    static let valid = Option<String?>(
        long: "valid", valueName: "csv", help: "A validation CSV, for per-round metrics and early stopping.")
    static let model = Option<String>(long: "model", valueName: "path", help: "The model file to write.", default: "models/model.json")
    static let metrics = Option<String?>(
        long: "metrics", valueName: "path", help: "The metrics JSON to write (final metrics, fit_seconds, feature importance).")
    static let history = Option<String?>(long: "history", valueName: "path", help: "The per-round metric history CSV to write.")
    static let preprocessor = Option<String?>(
        long: "preprocessor", valueName: "path",
        help: "The preprocessor file that prepared the data (default: models/preprocessor.json when --target is not given).")
    static let importance = Option<String?>(
        long: "importance", valueName: "path", help: "The feature importance CSV to write: XGBoost's weight, gain, cover, total_gain, total_cover.")
    static let json = Flag(long: "json", help: "Print the metrics as JSON.")
    static let params = ParamsOptions.params
    static let section = ParamsOptions.section(default: "train")

    static let configuration = CommandConfiguration(
        name: "train",
        abstract: "Train gradient-boosted trees on a prepared CSV.",
        discussion: """
            Hyperparameters (objective, n_estimators, learning_rate, max_depth, …, with XGBoost's \
            names and defaults) come from the `train` section of params.yaml. The model is written \
            in XGBoost's JSON format, so xgboost.Booster(model_file=…) loads it. With --valid, each \
            round's validation metric is recorded and early_stopping_rounds applies. Under \
            `sluice repro`, each round's metrics are appended to the run's history.jsonl.
            """,
        arguments: [train, target, valid, model, metrics, history, preprocessor, json, params, section, importance],
        examples: [
            "sluice ml train --train data/processed/train.csv --target MEDV --model models/model.json",
            "sluice ml train --train data/processed/train.csv --valid data/processed/test.csv --metrics metrics/train.json --history metrics/history.csv",
        ])

    let options: TrainTask.Options
    let json: Bool

    init(_ values: ParsedValues) throws {
        var options = TrainTask.Options(trainPath: try values[Self.train], modelPath: try values[Self.model])
        options.target = try values[Self.target]
        options.validPath = try values[Self.valid]
        options.metricsPath = try values[Self.metrics]
        options.historyPath = try values[Self.history]
        options.importancePath = try values[Self.importance]
        options.paramsPath = try values[Self.params]
        options.section = try values[Self.section]
        options.preprocessorPath = try values[Self.preprocessor]
        options.runDirectory = ProcessInfo.processInfo.environment["SLUICE_RUN_DIR"].flatMap { $0.isEmpty ? nil : $0 }
        self.options = options
        json = try values[Self.json]
    }

    func run(_ console: Console) throws -> ExitCode {
        // Progress lines only on a terminal; without a reader, rounds skip their training metric.
        let progress = console.isInteractive ? TrainingProgress(console: console) : nil
        let result = try TrainTask(options: options).run(progress: progress.map { progress in { progress.show($0) } })
        console.warn(result.warnings)
        if json {
            console.out(JSONWriter.pretty.string(result.metrics))
            return .success
        }
        let metric = result.model.objective.metricName
        let learned = result.model.linear.map { "a linear model (\($0.rounds) rounds)" } ?? "\(result.model.trees.count) trees"
        var summary = "Trained \(learned) in \(String(format: "%.2f", result.fitSeconds)) s"
        // The final model's metrics, as metrics.json has them.
        if case .double(let train)? = result.metrics["train"]?[metric] {
            summary += ": train \(metric) \(NumberFormat.human(train))"
            if case .double(let valid)? = result.metrics["valid"]?[metric] { summary += ", valid \(metric) \(NumberFormat.human(valid))" }
        }
        if let best = result.model.bestIteration { summary += " (stopped early; best round \(best))" }
        console.out(summary)
        console.out("Wrote \([options.modelPath, options.metricsPath, options.historyPath, options.importancePath].compactMap { $0 }.joined(separator: ", "))")
        return .success
    }

}

/// One line per round on standard error while training, only when it is a terminal.
final class TrainingProgress: Sendable {
    private let console: Console

    init(console: Console) { self.console = console }

    func show(_ record: RoundRecord) {
        let done = record.round + 1
        var line = "round \(done)/\(record.plannedRounds)  train \(record.train.map { NumberFormat.human($0) } ?? "-")"
        if let valid = record.valid { line += "  valid \(NumberFormat.human(valid))" }
        let remaining = record.elapsed / Double(done) * Double(record.plannedRounds - done)
        line += String(format: "  ETA %.1fs", remaining)
        console.err(line)
    }
}
