import Basics
import Dispatch
import Foundation
import GradientBoosting
import SearchSpace
import Synchronization
import Tabular

/// `sluice ml tune`: K-fold cross-validation of candidates from a search space over the
/// `train` hyperparameters; writes the ranked table and the best parameters as a params
/// file `ml train --params` reads.
///
/// The training table is binned once (per `max_bin` the space asks for); every
/// candidate × fold trains on a row subset of that matrix, and the pairs run in parallel,
/// each on one thread.
package struct TuneTask: Sendable {
    /// Where the inputs are and where the outputs go.
    package struct Options: Sendable {
        /// The prepared training CSV.
        package var trainPath: String
        /// The target column; nil takes it from the preprocessor file.
        package var target: String?
        /// The preprocessor file that prepared the data.
        package var preprocessorPath: String?
        /// The params file to write with the best candidate's `train` section.
        package var outPath: String
        /// The metrics JSON to write (the ranked table).
        package var metricsPath: String?
        /// The ranked table as CSV.
        package var tablePath: String?
        /// Each row's fold as CSV (`row,fold`), to reproduce the folds elsewhere.
        package var foldsPath: String?
        /// The params file holding the tune and train sections.
        package var paramsPath = "params.yaml"
        /// The section holding the search.
        package var section = "tune"
        /// The section holding the parameters candidates start from, and the one written to `outPath`.
        package var trainSection = "train"

        /// Options with the required paths.
        package init(trainPath: String, outPath: String) {
            self.trainPath = trainPath
            self.outPath = outPath
        }
    }

    /// What the search found.
    package struct Result: Sendable {
        /// Every candidate, best first.
        package var ranked: [TuneCandidate]
        /// The ranking metric.
        package var metric: String
        /// Whether a greater metric is better.
        package var maximizes: Bool
        /// The folds.
        package var folds: Int
        /// Seconds spent binning and training (not reading files).
        package var fitSeconds: Double
        /// The metrics document written to `metricsPath`.
        package var metrics: JSONValue
        /// What a person should know about the data.
        package var warnings: [String] = []
    }

    /// The options.
    package let options: Options

    /// A task with `options`.
    package init(options: Options) { self.options = options }

    /// Runs the search and writes the outputs; `progress` sees each candidate as its last fold
    /// finishes (from the training threads, one call at a time).
    package func run(progress: (@Sendable (TuneProgress) -> Void)? = nil) throws -> Result {
        let trainSection = try ParamsSection.load(path: options.paramsPath, displayName: options.paramsPath, section: options.trainSection)
        let base = try BoosterParameters(section: trainSection)
        let configuration = try TuneConfiguration(
            ParamsSection.load(path: options.paramsPath, displayName: options.paramsPath, section: options.section), base: base)
        let points = try configuration.space.points(method: configuration.method, iterations: configuration.iterations, seed: configuration.seed)
        let candidates = try points.map { point in
            var parameters = try configuration.space.parameters(point, base: base)
            parameters.nJobs = 1
            parameters.earlyStoppingRounds = configuration.earlyStoppingRounds
            return parameters
        }
        let data = try TuneData(options: options, objective: base.objective)
        let rowCount = data.set.rowCount
        guard configuration.folds <= rowCount else {
            throw Diagnostic.error("\(options.section).cv is \(configuration.folds), more folds than the \(rowCount) rows of \(options.trainPath)")
        }
        let stratified = base.objective == .logistic
        if stratified, let smallest = Dictionary(grouping: data.set.labels, by: { $0 }).values.map(\.count).min(), smallest < configuration.folds {
            throw TaskFailure("a label of \(options.trainPath) has \(smallest) rows, fewer than the \(configuration.folds) folds",
                              hint: "stratified folds need each label in every fold: lower \(options.section).cv")
        }
        let folds = CrossValidationFolds(labels: data.set.labels, count: configuration.folds, stratified: stratified, seed: configuration.seed)
        let start = DispatchTime.now().uptimeNanoseconds
        let ranked = try crossValidate(
            candidates: candidates, points: points, data: data, folds: folds, configuration: configuration, threads: base.threadCount,
            start: start, progress: progress)
        let fitSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        var result = Result(ranked: ranked, metric: configuration.metric, maximizes: configuration.maximizes, folds: configuration.folds,
                            fitSeconds: fitSeconds, metrics: .null, warnings: data.warnings)
        result.metrics = metricsDocument(result, configuration: configuration, stratified: stratified)
        try writeOutputs(result, trainSection: trainSection, configuration: configuration, folds: folds)
        return result
    }

    /// Scores every candidate on every fold, in parallel; returns them best first (ties:
    /// the earlier candidate), a candidate with a fold that could not be scored (NaN) last.
    private func crossValidate(
        candidates: [BoosterParameters], points: [SearchPoint], data: TuneData, folds: CrossValidationFolds,
        configuration: TuneConfiguration, threads: Int, start: UInt64, progress: (@Sendable (TuneProgress) -> Void)?
    ) throws -> [TuneCandidate] {
        // One binned matrix per max_bin the candidates use: usually one for the whole search.
        var binned: [Int: BinnedTrainingSet] = [:]
        for maxBin in Set(candidates.map(\.maxBin)).sorted() {
            binned[maxBin] = try TrainTask.asTaskFailure {
                try BinnedTrainingSet(data.set, featureNames: data.featureNames, objective: candidates[0].objective, maxBin: maxBin, threads: threads)
            }
        }
        let trainingRows = (0..<folds.count).map(folds.training), heldOutRows = (0..<folds.count).map(folds.heldOut)
        let heldOut = heldOutRows.map { rows in
            TrainingSet(columns: data.set.columns.map { column in rows.map { column[$0] } }, labels: rows.map { data.set.labels[$0] },
                        featureTypes: data.set.featureTypes)
        }
        let foldCount = folds.count, metric = configuration.metric, objective = candidates[0].objective
        let tracker = Mutex(ProgressTracker(candidates: points.enumerated().map { index, point in
            TuneCandidate(number: index + 1, point: point, scores: .init(repeating: .nan, count: foldCount), rounds: .init(repeating: 0, count: foldCount))
        }, remaining: .init(repeating: foldCount, count: points.count)))
        let outcomes: [String?] = Parallel.map(candidates.count * foldCount, threads: threads) { job in
            let (candidate, fold) = job.quotientAndRemainder(dividingBy: foldCount)
            let parameters = candidates[candidate]
            do {
                guard let set = binned[parameters.maxBin] else { return "no binned matrix for max_bin \(parameters.maxBin)" }
                let validation = parameters.earlyStoppingRounds == nil ? nil : heldOut[fold]
                let model = try Booster.fit(set, rows: trainingRows[fold], validation: validation, parameters: parameters)
                let predictions = model.predict(columns: heldOut[fold].columns, threads: 1)
                let scores = try ModelMetrics.evaluate(objective: objective, labels: heldOut[fold].labels, predictions: predictions)
                let score = scores.first { $0.key == metric }?.value ?? .nan
                tracker.withLock { state in
                    state.candidates[candidate].scores[fold] = score
                    state.candidates[candidate].rounds[fold] = model.trees.count
                    state.remaining[candidate] -= 1
                    guard state.remaining[candidate] == 0 else { return }
                    state.finished += 1
                    progress?(TuneProgress(
                        candidate: state.candidates[candidate], finished: state.finished, total: candidates.count, metric: metric,
                        elapsed: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
                }
                return nil
            } catch {
                return "candidate \(candidate + 1) (\(points[candidate].label)), fold \(fold + 1): \(error)"
            }
        }
        if let failure = outcomes.compactMap({ $0 }).first { throw TaskFailure("training failed for \(failure)") }
        let maximizes = configuration.maximizes
        return tracker.withLock { $0.candidates }.sorted { a, b in
            let (x, y) = (a.mean, b.mean)
            if x.isNaN != y.isNaN { return y.isNaN }
            if x != y, !x.isNaN { return maximizes ? x > y : x < y }
            return a.number < b.number
        }
    }

    /// The scores gathered while the folds run, and how many folds each candidate still waits for.
    private struct ProgressTracker: Sendable {
        var candidates: [TuneCandidate]
        var remaining: [Int]
        var finished = 0
    }
}
