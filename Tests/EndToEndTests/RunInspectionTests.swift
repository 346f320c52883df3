import Foundation
import Testing
import _TestSupport

/// `runs list/show/compare/export/gc`, `metrics show/diff` and `params diff` on a
/// store of three runs made at fixed times (`SLUICE_NOW`).
@Suite struct RunInspectionTests {
    static let snapshots = Bundle.module.resourceURL!.appendingPathComponent("Snapshots")
    /// An hour after the last run: the moment the inspection commands run at.
    static let later = ["SLUICE_NOW": "2026-11-22T11:32:15Z"]

    /// Three runs: the baseline, lr 0.2, then lr 0.15 named "tuned".
    static func project() throws -> (project: FixtureProject, ids: [String]) {
        let project = try FixtureProject("metrics")
        var ids: [String] = []
        for (time, lr, name) in [("10:30:15", "0.1", "baseline"), ("10:31:15", "0.2", nil), ("10:32:15", "0.15", "tuned")] {
            try project.write("params.yaml", "train:\n  lr: \(lr)\n  depth: 4\n")
            let report = try project.repro(name.map { ["--name", $0] } ?? [], environment: ["SLUICE_NOW": "2026-11-22T\(time)Z"])
            ids.append(try #require(report.run))
        }
        return (project, ids)
    }

    /// The output with the random part of run ids and measured durations made fixed.
    static func normalized(_ text: String) -> String {
        text.replacing(#/(\d{8}-\d{6})-[0-9a-f]{4}/#) { "\($0.output.1)-xxxx" }
            .replacing(#/\b\d\.\d\ds\b/#) { _ in "0.00s" }
    }

    static func run(_ project: FixtureProject, _ arguments: [String], status: Int32 = 0) throws -> String {
        let result = try project.run(arguments, environment: later)
        #expect(result.status == status, "stderr: \(result.stderr)")
        return status == 0 ? result.stdout : result.stderr
    }

    static func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test func textOutputs() throws {
        let (project, _) = try Self.project()
        defer { project.directory.remove() }
        try project.write("params.yaml", "train:\n  lr: 0.3\n  depth: 4\n")
        try project.write("metrics/scores.json", "{\"rmse\": 2, \"val\": {\"r2\": 0.6}, \"depth\": 4}\n")
        let cases: [([String], String)] = [
            (["runs", "list"], "runs-list"), (["runs", "list", "--sort", "rmse", "--limit", "2"], "runs-list-sorted"),
            (["runs", "list", "--filter", "val.r2>0.6", "--sort", "val.r2", "--desc"], "runs-list-filtered"),
            (["runs", "show", "latest~1"], "runs-show"), (["runs", "compare", "baseline", "latest~1", "tuned"], "runs-compare"),
            (["metrics", "show"], "metrics-show"), (["metrics", "diff"], "metrics-diff"), (["params", "diff", "baseline", "--all"], "params-diff"),
        ]
        for (arguments, snapshot) in cases {
            assertSnapshot(Self.normalized(try Self.run(project, arguments)), named: snapshot, in: Self.snapshots)
        }
    }

    @Test func listJSON() throws {
        let (project, ids) = try Self.project()
        defer { project.directory.remove() }
        let runs = try #require(try Self.json(try Self.run(project, ["runs", "list", "--json", "--filter", "rmse<=3.5"])) as? [[String: Any]])
        #expect(runs.map { $0["id"] as? String } == [ids[2], ids[1]])
        #expect(runs.map { $0["status"] as? String } == ["finished", "finished"])
        #expect(runs.first?["name"] as? String == "tuned")
        #expect((runs.first?["metrics"] as? [String: Any])?["rmse"] as? Double == 3.5)
        #expect((runs.first?["params"] as? [String: Any])?["train.lr"] as? Double == 0.15)
        #expect(runs.first?["start_time"] as? String == "2026-11-22T10:32:15.000Z")
    }

    @Test func showJSONHasEverything() throws {
        let (project, ids) = try Self.project()
        defer { project.directory.remove() }
        let run = try #require(try Self.json(try Self.run(project, ["runs", "show", String(ids[0].prefix(17)), "--json"])) as? [String: Any])
        #expect(run["id"] as? String == ids[0])
        #expect((run["stages"] as? [[String: Any]])?.map { $0["action"] as? String } == ["executed", "executed"])
        #expect((run["history"] as? [[String: Any]])?.map { $0["step"] as? Int } == [0, 1, 2])
        #expect((run["metrics"] as? [String: Any])?["val.r2"] as? Double == 0.6)
    }

    @Test func compareAndDiffJSON() throws {
        let (project, ids) = try Self.project()
        defer { project.directory.remove() }
        let compare = try #require(try Self.json(try Self.run(project, ["runs", "compare", ids[0], ids[2], "--json"])) as? [String: Any])
        let metrics = try #require(compare["metrics"] as? [[String: Any]])
        let rmse = try #require(metrics.first { $0["key"] as? String == "rmse" })
        #expect(rmse["changed"] as? Bool == true)
        #expect((rmse["deltas"] as? [Any])?.last as? Double == -0.5)
        let depth = try #require(metrics.first { $0["key"] as? String == "depth" })
        #expect(depth["changed"] as? Bool == false)
        try project.write("params.yaml", "train:\n  lr: 0.3\n  depth: 4\n")
        let params = try #require(try Self.json(try Self.run(project, ["params", "diff", "--json"])) as? [String: Any])
        #expect(params["run"] as? String == ids[2])
        let lr = (params["params"] as? [String: Any])?["train.lr"] as? [String: Any]
        #expect(lr?["old"] as? Double == 0.15 && lr?["new"] as? Double == 0.3)
        let metricsDiff = try #require(try Self.json(try Self.run(project, ["metrics", "diff", "latest~2", "--json"])) as? [String: Any])
        let rmseDiff = (metricsDiff["metrics"] as? [String: Any])?["rmse"] as? [String: Any]
        #expect(rmseDiff?["old"] as? Int == 4 && rmseDiff?["new"] as? Double == 3.5 && rmseDiff?["diff"] as? Double == -0.5)
    }

    @Test(arguments: [
        (["runs", "show", "20261122"], "error: '20261122' matches 3 runs: 20261122-103215-"),
        (["runs", "show", "tunde"], "error: no run 'tunde' in runs/\n  hint: did you mean 'tuned'?"),
        (["runs", "compare", "latest"], "error: invalid value 'latest' for '<runs>': name at least two runs to compare"),
        (["runs", "list", "--filter", "rmse<<3"], "error: invalid filter 'rmse<<3': column 6: expected a number after '<'\n    rmse<<3\n         ^\nUSAGE: sluice runs list"),
        (["runs", "gc"], "error: missing"),
    ])
    func userErrorsSayWhatToDo(arguments: [String], expected: String) throws {
        let (project, _) = try Self.project()
        defer { project.directory.remove() }
        let stderr = try Self.run(project, arguments, status: 2)
        #expect(stderr.hasPrefix(expected), "stderr: \(stderr)")
    }

    @Test func exportAndGc() throws {
        let (project, ids) = try Self.project()
        defer { project.directory.remove() }
        let exported = try Self.run(project, ["runs", "export", "--mlflow", "mlruns"])
        #expect(exported.hasPrefix("Exported 3 runs to mlruns (experiment 1, "))
        let runFolders = try FileManager.default.contentsOfDirectory(atPath: project.directory.url("mlruns/1")).filter { $0 != "meta.yaml" }
        #expect(runFolders.count == 3 && runFolders.allSatisfy { $0.count == 32 })
        let gc = try Self.run(project, ["runs", "gc", "--keep", "1"])
        #expect(gc.hasSuffix("Removed 2 runs, kept 1.\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.directory.url("runs")) == [ids[2]])
    }
}
