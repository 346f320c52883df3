import Basics
import Foundation
@testable import RunStore
import Testing

@Suite struct MLflowExportTests {
    /// Two runs: a finished one with params, metrics, history and a log; a running one.
    static func exported() throws -> (test: TestStore, root: String, export: MLflowExport) {
        let test = try TestStore()
        var params = FlatValues(["train.lr": 0.1])
        params["model.kind"] = .string("gbdt")
        params["bad key*"] = .int(1)
        let finished = try test.run(at: 0, name: "baseline", params: params, metrics: FlatValues(["rmse": 3.25, "val.r2": 0.8]))
        try HistoryWriter(runDirectory: finished.directory).append(key: "train/loss", step: 0, value: 0.5, time: TestStore.base)
        try HistoryWriter(runDirectory: finished.directory).append(key: "train/loss", step: 1, value: 0.25, time: TestStore.base)
        try test.directory.write("runs/\(finished.id)/logs/train.log", "training\n")
        try test.run(at: 60, status: .running)
        let root = test.directory.url("mlruns")
        let export = try MLflowExporter(root: root, experimentName: "housing").export(test.store.runs().runs, now: TestStore.base)
        return (test, root, export)
    }

    static func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    static func meta(_ text: String) -> [String: String] {
        Dictionary(text.split(separator: "\n").map { line in
            let parts = line.split(separator: ":", maxSplits: 1)
            return (String(parts[0]), parts.count > 1 ? String(parts[1].dropFirst()) : "")
        }, uniquingKeysWith: { $1 })
    }

    @Test func experimentAndRunFolders() throws {
        let (test, root, export) = try Self.exported()
        defer { test.remove() }
        #expect(export.experimentID == "1")
        #expect(FileManager.default.fileExists(atPath: root + "/.trash"))
        let experiment = Self.meta(try Self.read(root + "/1/meta.yaml"))
        #expect(experiment["experiment_id"] == "'1'" && experiment["name"] == "'housing'" && experiment["lifecycle_stage"] == "active")
        #expect(experiment["artifact_location"] == "'file://\(root)/1'")
        #expect(export.runs.count == 2)
        for (_, mlflowID) in export.runs {
            #expect(mlflowID.count == 32 && mlflowID.allSatisfy { "0123456789abcdef".contains($0) })
            let folder = root + "/1/" + mlflowID
            for sub in ["params", "metrics", "tags", "artifacts"] {
                var isDirectory: ObjCBool = false
                #expect(FileManager.default.fileExists(atPath: folder + "/" + sub, isDirectory: &isDirectory) && isDirectory.boolValue)
            }
            let meta = Self.meta(try Self.read(folder + "/meta.yaml"))
            #expect(meta["run_id"] == "'\(mlflowID)'" && meta["run_uuid"] == "'\(mlflowID)'" && meta["experiment_id"] == "'1'")
            #expect(meta["artifact_uri"] == "'file://\(folder)/artifacts'")
            for key in ["start_time", "end_time", "status", "user_id", "lifecycle_stage"] { #expect(meta[key] != nil, "\(key)") }
        }
        let running = Self.meta(try Self.read(root + "/1/" + export.runs[1].mlflowID + "/meta.yaml"))
        #expect(running["end_time"] == "null" && running["status"] == "1")
    }

    @Test func paramsTagsAndMetricsFiles() throws {
        let (test, root, export) = try Self.exported()
        defer { test.remove() }
        let folder = root + "/1/" + export.runs[0].mlflowID
        let finished = Self.meta(try Self.read(folder + "/meta.yaml"))
        #expect(finished["status"] == "3" && finished["end_time"] == "1795343405000" && finished["run_name"] == "'baseline'")
        #expect(try Self.read(folder + "/params/train.lr") == "0.1")
        #expect(try Self.read(folder + "/params/model.kind") == "gbdt")
        #expect(try Self.read(folder + "/params/bad key_") == "1")
        #expect(try Self.read(folder + "/tags/mlflow.runName") == "baseline")
        #expect(try Self.read(folder + "/tags/mlflow.source.type") == "LOCAL")
        #expect(try Self.read(folder + "/metrics/rmse") == "1795343405000 3.25 0\n")
        #expect(try Self.read(folder + "/metrics/val.r2") == "1795343405000 0.8 0\n")
        #expect(try Self.read(folder + "/metrics/train/loss") == "1795343400000 0.5 0\n1795343400000 0.25 1\n")
        #expect(try Self.read(folder + "/artifacts/logs/train.log") == "training\n")
        #expect(FileManager.default.fileExists(atPath: folder + "/artifacts/run.json"))
    }

    @Test func exportingAgainReplacesRunsInTheSameExperiment() throws {
        let (test, root, first) = try Self.exported()
        defer { test.remove() }
        try test.directory.write("mlruns/1/\(first.runs[0].mlflowID)/params/stale", "x")
        let again = try MLflowExporter(root: root, experimentName: "housing").export(test.store.runs().runs, now: TestStore.base)
        #expect(again.experimentID == "1")
        #expect(again.runs.map(\.mlflowID) == first.runs.map(\.mlflowID))
        #expect(!FileManager.default.fileExists(atPath: root + "/1/\(first.runs[0].mlflowID)/params/stale"))
        let other = try MLflowExporter(root: root, experimentName: "other").export([], now: TestStore.base)
        #expect(other.experimentID == "2")
    }

    @Test(arguments: [
        ("train.lr", "train.lr"), ("val/acc", "val/acc"), ("a b: c-d", "a b: c-d"), ("x[0]", "x_0_"),
        ("/lead//trail/", "lead/trail"), ("../up", "__/up"), ("é", "_"), ("", nil), (String(repeating: "k", count: 251), nil),
    ] as [(String, String?)])
    func keysAreMadeAcceptable(key: String, expected: String?) {
        #expect(MLflowKey.sanitize(key) == expected)
    }

    @Test func aKeyThatIsAlsoAFolderIsLeftOut() {
        let result = MLflowKey.assign(["val", "val/acc", "x", "x"])
        #expect(result.accepted.map(\.key) == ["val/acc", "x"])
        #expect(result.rejected == ["x", "val"])
    }
}
