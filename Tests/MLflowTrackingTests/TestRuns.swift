import Basics
import Foundation
import RunStore
import _TestSupport

/// A run store in a temporary folder with two runs: a finished one with params,
/// metrics, a step history (with a NaN) and a log; a failed one without history.
struct TestRuns {
    let directory: TemporaryDirectory
    let store: RunStore

    static let base = Date(timeIntervalSince1970: 1_795_343_400)  // 2026-11-22T10:30:00Z

    init() throws {
        directory = try TemporaryDirectory(prefix: "sluice-mlflow")
        store = RunStore(directory: directory.url("runs"))
        var params = FlatValues()
        params["train.lr"] = .double(0.1)
        params["model.kind"] = .string("gbdt")
        params["bad key*"] = .int(1)
        var metrics = FlatValues()
        metrics["rmse"] = .double(3.25)
        metrics["r2"] = .double(0.8)
        let first = try store.create(RunRecord(name: "baseline", startTime: Self.base, command: ["sluice", "repro"]), id: store.reserveID(at: Self.base))
        try first.writeParams(params)
        try first.writeMetrics(metrics)
        let history = HistoryWriter(runDirectory: first.directory)
        try history.append(key: "train/loss", step: 0, value: 0.5, time: Self.base)
        try history.append(key: "train/loss", step: 1, value: .nan, time: Self.base.addingTimeInterval(1))
        try history.append(key: "train/loss", step: 2, value: 0.25, time: Self.base.addingTimeInterval(2))
        _ = try directory.write("runs/\(first.id)/logs/train stage.log", "training\n")
        try first.finish(.finished, at: Self.base.addingTimeInterval(5))
        let later = Self.base.addingTimeInterval(60)
        let second = try store.create(RunRecord(startTime: later, command: ["sluice", "repro"]), id: store.reserveID(at: later))
        try second.writeParams(FlatValues())
        try second.writeMetrics(metrics)
        try second.finish(.failed, at: later.addingTimeInterval(3))
    }

    /// The runs, oldest first.
    func runs() -> [StoredRun] { store.runs().runs }

    func remove() { directory.remove() }
}
