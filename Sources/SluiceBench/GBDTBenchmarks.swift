import Dispatch
import Foundation
import GradientBoosting
import Tabular

/// GBDT training and prediction on the generated 1M x 28 data
/// (`sluice-bench gbdt [--rows N] [--data DIR] [--task reg|clf]`), with the scale setup of
/// shared/bench/compare_gbdt.py: 100 rounds, depth 6, eta 0.1, 256 bins, 2 threads.
enum GBDTBenchmarks {
    static let defaultDirectory = "/tmp/sluice-bench-data"

    static func run() throws {
        let arguments = Array(CommandLine.arguments.dropFirst(2))
        func value(_ flag: String) -> String? {
            arguments.firstIndex(of: flag).flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
        }
        var directory = value("--data") ?? defaultDirectory
        // compare_gbdt.py keeps smaller data sets in rows<N>/ beside the default 1M files.
        if let rows = value("--rows") { directory += "/rows\(rows)" }
        // `--task reg|clf` runs one: each then measures in a process of its own, as `ml train` does.
        for task in value("--task").map({ [$0] }) ?? ["reg", "clf"] { try benchmark(task: task, directory: directory) }
    }

    private static func benchmark(task: String, directory: String) throws {
        let trainPath = "\(directory)/\(task)_train.csv", holdoutPath = "\(directory)/\(task)_holdout.csv"
        guard FileManager.default.fileExists(atPath: trainPath), FileManager.default.fileExists(atPath: holdoutPath) else {
            Bench.report("gbdt \(task)", "skipped", target: "no \(trainPath); generate it with shared/bench/gen_data.py --csv")
            return
        }
        let train = try CSVReader.read(path: trainPath), holdout = try CSVReader.read(path: holdoutPath)
        let features = train.columnNames.filter { $0 != "y" }
        let columns = try features.map { try train.numericColumn(named: $0) }
        let labels = try train.numericColumn(named: "y")
        var parameters = BoosterParameters()
        parameters.objective = task == "reg" ? .squaredError : .logistic
        (parameters.nEstimators, parameters.maxDepth, parameters.learningRate, parameters.nJobs) = (100, 6, 0.1, 2)
        let start = DispatchTime.now().uptimeNanoseconds
        // As `sluice ml train` trains when no progress, history or run reads the rounds' metrics.
        let model = try Booster.train(TrainingSet(columns: columns, labels: labels), featureNames: features, parameters: parameters,
                                      trainingMetricEachRound: false)
        let trainSeconds = seconds(since: start)
        let holdoutColumns = try features.map { try holdout.numericColumn(named: $0) }
        let holdoutLabels = try holdout.numericColumn(named: "y")
        var predictions: [Double] = []
        let predictSeconds = Bench.median(runs: 11) { predictions = model.predict(columns: holdoutColumns, threads: 2) }
        let size = "\(train.rowCount / 1000)k x \(features.count)"
        Bench.report("gbdt \(task) \(size) train (100 rounds, 2 threads)", String(format: "%.2f s", trainSeconds),
                     target: task == "reg" ? "<= xgboost (6.0 s)" : "<= xgboost")
        if task == "reg" {
            Bench.report("gbdt reg holdout RMSE", String(format: "%.4f", Metrics.rmse(holdoutLabels, predictions)), target: "within 1% of xgboost")
        } else {
            Bench.report("gbdt clf holdout logloss", String(format: "%.4f", Metrics.logLoss(holdoutLabels, predictions)), target: "within 1% of xgboost")
            Bench.report("gbdt clf holdout AUC", String(format: "%.4f", Metrics.auc(holdoutLabels, predictions)), target: "as xgboost")
        }
        Bench.report("gbdt \(task) predict", String(format: "%.2f M rows/s", Double(holdout.rowCount) / predictSeconds / 1e6),
                     target: ">= 1.6 M rows/s")
        Bench.report("gbdt peak RSS so far (VmHWM)", peakResidentMegabytes().map { "\($0) MB" } ?? "unknown",
                     target: "<= xgboost (449 MB) for `ml train`")
    }

    private static func seconds(since start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }

    /// The process's peak resident set, from /proc/self/status.
    static func peakResidentMegabytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") else { return nil }
        return kilobytes / 1024
    }
}
