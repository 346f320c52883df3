// MLTasks: the built-in ML steps (ingest, prepare, train, evaluate, export, predict)
// and the model registry, one task per file, each mapping a params.yaml section to a
// configuration and writing its outputs and metrics. Training given a run folder
// (`SLUICE_RUN_DIR`, read by the CLI) appends its per-round history there.
//
// What MLTasks must not know: pipelines, stages, the lock file or the engine (a task
// is an ordinary command a stage runs), and printing (tasks return results; the CLI
// renders them).
import Basics
import Dispatch
import Foundation
import GradientBoosting
import RunStore
import Tabular

/// `sluice ml train`: fits gradient-boosted trees on a prepared CSV and writes the
/// model (XGBoost's JSON format), its metrics and the per-round history.
package struct TrainTask: Sendable {
    /// Where the inputs are and where the outputs go (paths relative to the working directory).
    package struct Options: Sendable {
        /// The prepared training CSV.
        package var trainPath: String
        /// The target column; nil takes it from the preprocessor file.
        package var target: String?
        /// A validation CSV, for per-round metrics and early stopping.
        package var validPath: String?
        /// The model file to write.
        package var modelPath: String
        /// The metrics JSON to write.
        package var metricsPath: String?
        /// The per-round history CSV to write.
        package var historyPath: String?
        /// The feature importance CSV to write (weight, gain, cover, total_gain, total_cover per feature).
        package var importancePath: String?
        /// The params file and the section holding the hyperparameters.
        package var paramsPath = "params.yaml"
        /// The section of the params file.
        package var section = "train"
        /// The preprocessor file that prepared the data (names the target and the feature order).
        package var preprocessorPath: String?
        /// The run directory whose history.jsonl receives each round's metrics.
        package var runDirectory: String?

        /// Options with the required paths.
        package init(trainPath: String, modelPath: String) {
            self.trainPath = trainPath
            self.modelPath = modelPath
        }
    }

    /// What training produced.
    package struct Result: Sendable {
        /// The model.
        package var model: Booster
        /// Every round's metrics.
        package var history: [RoundRecord]
        /// Seconds spent binning and boosting (not reading files).
        package var fitSeconds: Double
        /// The metrics document written to `metricsPath`.
        package var metrics: JSONValue
        /// What a person should know about the data (feature values taken as missing).
        package var warnings: [String] = []
    }

    /// The options.
    package let options: Options

    /// A task with `options`.
    package init(options: Options) { self.options = options }

    /// The preprocessor file used when none is named: the one `sluice ml prepare` writes.
    package static let defaultPreprocessorPath = "models/preprocessor.json"

    /// Trains and writes the outputs; `progress`, when given, sees each round as it finishes.
    /// Each round's training metric is computed only for a reader: `progress`, the
    /// history file or the run's history.
    package func run(progress: ((RoundRecord) -> Void)? = nil) throws -> Result {
        let parameters = try BoosterParameters(section: ParamsSection.load(
            path: options.paramsPath, displayName: options.paramsPath, section: options.section))
        let preprocessor = try loadPreprocessor()
        let (training, featureNames, target) = try Self.trainingColumns(
            path: options.trainPath, target: options.target, preprocessor: preprocessor, objective: parameters.objective)
        var validation: ModelColumns?
        if let validPath = options.validPath {
            let categorical = zip(featureNames, training.categoryNames).filter { !$1.isEmpty }.map(\.0)
            validation = try ModelColumns(ModelColumns.readCSV(validPath, categories: categorical), features: featureNames, target: target,
                                          requireTarget: true, source: validPath, categories: .apply(names: training.categoryNames))
            try Self.checkLabels(validation?.target ?? [], column: target, objective: parameters.objective, source: validPath)
        }
        let infinite = [
            ("train", options.trainPath, InfiniteValues.count(features: training.features, names: featureNames)),
            ("valid", options.validPath ?? "", validation.map { InfiniteValues.count(features: $0.features, names: featureNames) } ?? []),
        ].filter { !$0.2.isEmpty }
        let trainingSet = TrainingSet(columns: training.features, labels: training.target ?? [], featureTypes: training.featureTypes)
        let validationSet = validation.map { TrainingSet(columns: $0.features, labels: $0.target ?? [], featureTypes: training.featureTypes) }
        let log = options.runDirectory.map(HistoryWriter.init(runDirectory:))
        var history: [RoundRecord] = []
        var logFailure: Error?
        let start = DispatchTime.now().uptimeNanoseconds
        let roundMetrics = progress != nil || options.historyPath != nil || log != nil
        var (model, trainingPredictions) = try Self.asTaskFailure { try Booster.fit(
            trainingSet, featureNames: featureNames, validation: validationSet, parameters: parameters,
            trainingMetricEachRound: roundMetrics
        ) { record in
            history.append(record)
            progress?(record)
            guard let log else { return }
            let now = Date()
            let points = Self.historyValues(record, metric: parameters.objective.metricName).map {
                HistoryPoint(key: $0.key, step: record.round, value: $0.value, time: now)
            }
            do { try log.append(points) } catch { logFailure = error }
        } }
        let fitSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        if let logFailure { throw logFailure }
        model.targetName = target
        model.categoryNames = training.categoryNames
        var metrics = try metricsDocument(model, parameters: parameters, training: trainingSet, trainingPredictions: trainingPredictions,
                                          validation: validationSet, fitSeconds: fitSeconds)
        if !infinite.isEmpty, case .object(var members) = metrics {
            members.append(("infinite_as_missing", .object(infinite.map { ($0.0, InfiniteValues.json($0.2)) })))
            metrics = .object(members)
        }
        try model.write(to: options.modelPath)
        if let metricsPath = options.metricsPath { try AtomicFile.write(JSONWriter.pretty.string(metrics) + "\n", to: metricsPath) }
        if let historyPath = options.historyPath {
            try CSVWriter.write(Self.historyTable(history, metric: parameters.objective.metricName, hasValid: validationSet != nil), to: historyPath)
        }
        if let importancePath = options.importancePath { try CSVWriter.write(try Self.importanceTable(model), to: importancePath) }
        return Result(model: model, history: history, fitSeconds: fitSeconds, metrics: metrics,
                      warnings: training.warnings + infinite.compactMap { InfiniteValues.warning($0.2, source: $0.1) })
    }

    /// Throws a task failure naming the first label `objective` cannot learn (its CSV row and column).
    static func checkLabels(_ labels: [Double], column: String, objective: Objective, source: String) throws {
        guard let index = objective.firstInvalidLabel(labels) else { return }
        throw InfiniteValues.invalidTarget(labels, index: index, column: column, objective: objective, source: source)
    }

    /// Runs `body`; the data problems GradientBoosting reports as diagnostics (labels a
    /// loss cannot learn, empty data) are failures of the task, not usage errors.
    static func asTaskFailure<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let diagnostic as Diagnostic {
            throw TaskFailure(diagnostic.message, at: diagnostic.location, hint: diagnostic.hint)
        }
    }

    private func loadPreprocessor() throws -> Preprocessor? {
        if let path = options.preprocessorPath { return try Preprocessor.load(path: path) }
        guard options.target == nil, FileManager.default.fileExists(atPath: Self.defaultPreprocessorPath) else { return nil }
        return try Preprocessor.load(path: Self.defaultPreprocessorPath)
    }

    private func metricsDocument(
        _ model: Booster, parameters: BoosterParameters, training: TrainingSet, trainingPredictions: [Double],
        validation: TrainingSet?, fitSeconds: Double
    ) throws -> JSONValue {
        let threads = parameters.threadCount
        var members: [(key: String, value: JSONValue)] = [
            ("objective", .string(parameters.objective.rawValue)), ("rounds", .int(model.rounds)),
            ("best_iteration", model.bestIteration.map(JSONValue.int) ?? .null), ("fit_seconds", .double(fitSeconds)),
            ("train", ModelMetrics.json(try ModelMetrics.evaluate(
                objective: model.objective, labels: training.labels, predictions: trainingPredictions))),
        ]
        if let validation {
            members.append(("valid", ModelMetrics.json(try ModelMetrics.evaluate(
                objective: model.objective, labels: validation.labels, predictions: model.predict(columns: validation.columns, threads: threads)))))
        }
        // A linear model has no splits to measure gain by: its coefficients stand in their place.
        if let linear = model.linear {
            members.append(("coefficients", .object(zip(model.featureNames, linear.weights).map { ($0, .double(Double($1))) })))
            members.append(("bias", .double(Double(linear.bias))))
        } else {
            members.append(("feature_importance", .object(zip(model.featureNames, model.featureImportance).map { ($0, .double($1)) })))
        }
        return .object(members)
    }

    /// `train_rmse` (and `valid_rmse`) of a round, as history keys.
    static func historyValues(_ record: RoundRecord, metric: String) -> [(key: String, value: Double)] {
        var values: [(key: String, value: Double)] = []
        if let train = record.train { values.append((key: "train_\(metric)", value: train)) }
        if let valid = record.valid { values.append((key: "valid_\(metric)", value: valid)) }
        return values
    }

    /// The history as a table: `round`, `train_<metric>`, `valid_<metric>`.
    static func historyTable(_ history: [RoundRecord], metric: String, hasValid: Bool) throws -> Table {
        var columns: [(name: String, column: Column)] = [
            ("round", .numeric(history.map { Double($0.round) })),
            ("train_\(metric)", .numeric(history.map { $0.train ?? .nan })),
        ]
        if hasValid { columns.append(("valid_\(metric)", .numeric(history.map { $0.valid ?? .nan }))) }
        return try Table(columns)
    }
}

extension TrainTask {
    /// The training table's features and labels as `ml train` and `ml tune` read them:
    /// the target from `target` or the preprocessor, the features the preprocessor names
    /// (else every other column), labels checked against the objective.
    static func trainingColumns(
        path: String, target: String?, preprocessor: Preprocessor?, objective: Objective
    ) throws -> (columns: ModelColumns, featureNames: [String], target: String) {
        guard let target = target ?? preprocessor?.target else {
            throw Diagnostic.error("no target column: name it with --target",
                                   hint: "or give --preprocessor with a file from 'sluice ml prepare', which names the target")
        }
        let table = try ModelColumns.readCSV(path, categories: preprocessor?.nativeFeatures ?? [])
        let featureNames = preprocessor?.features ?? ModelColumns.featureNames(of: table, target: target)
        guard !featureNames.isEmpty else { throw Diagnostic.error("\(path) has no feature columns besides '\(target)'") }
        let columns = try ModelColumns(table, features: featureNames, target: target, requireTarget: true, source: path, categories: .fit)
        try checkLabels(columns.target ?? [], column: target, objective: objective, source: path)
        return (columns, featureNames, target)
    }
}
