import Foundation
import Testing
import _TestSupport

/// `sluice exp`: experiments run in temporary copies, recorded as runs, shown, applied, removed.
@Suite struct ExperimentTests {
    /// The run folders of the project, each run.json and experiment.json read.
    struct RecordedRun {
        let id: String
        let run: [String: Any]
        let params: [String: Any]
        let experiment: [String: Any]?

        var name: String? { run["name"] as? String }
        var status: String? { run["status"] as? String }
        /// The stages recorded with `action`.
        func stages(_ action: String) -> [String] {
            (run["stages"] as? [[String: Any]] ?? []).filter { $0["action"] as? String == action }.compactMap { $0["name"] as? String }
        }
    }

    static func runs(of project: FixtureProject) throws -> [RecordedRun] {
        let folder = project.directory.url("runs")
        let ids = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        return try ids.map { id in
            func object(_ file: String) throws -> [String: Any]? {
                guard let data = FileManager.default.contents(atPath: folder + "/" + id + "/" + file) else { return nil }
                return try JSONSerialization.jsonObject(with: data) as? [String: Any]
            }
            return RecordedRun(id: id, run: try object("run.json") ?? [:], params: try object("params.json") ?? [:],
                               experiment: try object("experiment.json"))
        }
    }

    static func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    /// A copy of the default project: the repository's pipeline, params and data.
    static func defaultProject() throws -> FixtureProject {
        let project = try FixtureProject("basic")
        for item in ["pipeline.yaml", "params.yaml", "data"] { try FileManager.default.removeItem(atPath: project.directory.url(item)) }
        for item in ["pipeline.yaml", "params.yaml", "data/source/HousingData.csv", "data/current/housing_batch.csv"] {
            let target = project.directory.url(item)
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: ReadmeTests.repository + "/" + item, toPath: target)
        }
        return project
    }

    @Test func anExperimentLeavesParamsAloneAndIsRecordedWithItsOverrides() throws {
        let project = try FixtureProject("basic")
        let before = try project.read("params.yaml")
        let result = try project.run(["exp", "run", "-S", "train.lr=0.5", "--name", "half", "--json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(try project.read("params.yaml") == before)
        #expect(!project.exists("model.txt"), "the workspace's outputs are not touched")
        let outcomes = try #require(try Self.json(result.stdout) as? [[String: Any]])
        #expect(outcomes.count == 1)
        #expect(outcomes.first?["name"] as? String == "half")
        #expect(outcomes.first?["executed"] as? [String] == ["prepare", "train", "evaluate"])
        let runs = try Self.runs(of: project)
        let run = try #require(runs.first)
        #expect(runs.count == 1)
        #expect(run.name == "half")
        #expect(run.status == "finished")
        #expect(run.params["train.lr"] as? Double == 0.5)
        #expect((run.experiment?["overrides"] as? [String: Any])?["train.lr"] as? Double == 0.5)
        #expect(try project.directory.read("runs/\(run.id)/experiment/params.yaml").contains("lr: 0.5"))
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: project.directory.url(".sluice/tmp/exps"))) ?? []
        #expect(leftovers.isEmpty, "the temporary copy is removed")
    }

    @Test func anUnknownKeyNamesTheNearestAndRunsNothing() throws {
        let project = try FixtureProject("basic")
        let result = try project.run(["exp", "run", "-S", "train.lrr=0.5"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("'train.lrr' is not a key of params.yaml"), "\(result.stderr)")
        #expect(result.stderr.contains("nearest keys in params.yaml: train.lr"))
        #expect(!project.exists("runs"))
    }

    @Test func anotherParamsFileIsNamedBeforeAColon() throws {
        let project = try FixtureProject("basic")
        let result = try project.run(["exp", "run", "-S", "missing.yaml:train.lr=0.5"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("params file 'missing.yaml' does not exist"))
    }

    @Test func aSweepRunsTheSharedUpstreamOnce() throws {
        let project = try FixtureProject("basic")
        let result = try project.run(["exp", "run", "-S", "train.lr=0.1,0.2,0.3,0.4", "-j", "2", "--json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let runs = try Self.runs(of: project)
        #expect(runs.count == 4)
        #expect(runs.filter { $0.stages("executed").contains("prepare") }.count == 1)
        #expect(runs.filter { $0.stages("restored").contains("prepare") }.count == 3)
        #expect(runs.allSatisfy { $0.stages("executed").contains("train") })
        #expect(Set(runs.compactMap { $0.params["train.lr"] as? Double }) == [0.1, 0.2, 0.3, 0.4])
    }

    @Test func aFailedExperimentIsRecordedAndTheSweepGoesOn() throws {
        let project = try FixtureProject("basic")
        try project.write("pipeline.yaml", """
            stages:
              train:
                cmd: test "${train.lr}" != "0.2" && echo ${train.lr} > model.txt
                params: [train.lr]
                outs: [model.txt]

            """)
        let result = try project.run(["exp", "run", "-S", "train.lr=0.1,0.2,0.3", "--json"])
        #expect(result.status == 1)
        let runs = try Self.runs(of: project)
        #expect(runs.count == 3)
        #expect(runs.filter { $0.status == "failed" }.compactMap { $0.params["train.lr"] as? Double } == [0.2])
        #expect(runs.filter { $0.status == "finished" }.count == 2)

        let failFast = try FixtureProject("basic")
        try failFast.write("pipeline.yaml", try project.read("pipeline.yaml"))
        let stopped = try failFast.run(["exp", "run", "-S", "train.lr=0.2,0.3,0.4", "--fail-fast"])
        #expect(stopped.status == 1)
        #expect(try Self.runs(of: failFast).count == 1)
    }

    /// Ctrl-C stops the running experiment and starts no more; the finished one stays
    /// recorded. While the sweep runs, a repro in the workspace is refused.
    @Test func interruptStopsTheSweepAndKeepsFinishedExperiments() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        let marker = project.directory.url("started")
        try project.write("pipeline.yaml", """
            stages:
              train:
                cmd: echo ${train.lr} > model.txt; if [ "${train.lr}" = "0.2" ]; then touch '\(marker)'; sleep 30; fi
                params: [train.lr]
                outs: [model.txt]

            """)
        let started = Date()
        let sweep = try project.start(["exp", "run", "-S", "train.lr=0.1,0.2,0.3", "-j", "1"])
        project.waitFor("started")
        let repro = try project.run(["repro"])
        #expect(repro.status == 2)
        #expect(repro.stderr.contains("another sluice repro or exp run is running in this project"))
        kill(sweep.processIdentifier, SIGINT)
        sweep.waitUntilExit()
        #expect(Date().timeIntervalSince(started) < 25, "the sleeping experiment was not interrupted")
        #expect(sweep.terminationStatus != 0)
        let runs = try Self.runs(of: project)
        #expect(runs.filter { $0.status == "finished" }.compactMap { $0.params["train.lr"] as? Double } == [0.1])
        #expect(runs.filter { $0.status == "killed" }.compactMap { $0.params["train.lr"] as? Double } == [0.2])
        #expect(!runs.contains { $0.params["train.lr"] as? Double == 0.3 })
        // The workspace is free again once the sweep is gone.
        #expect(try project.run(["repro"]).status == 0)
    }

    @Test func applyBringsParamsAndOutputsWithoutRunning() throws {
        let project = try FixtureProject("basic")
        _ = try project.repro()
        let run = try project.run(["exp", "run", "-S", "train.lr=0.7", "--name", "seven"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        // The objects only the experiment uses survive a gc: it can still be applied.
        #expect(try project.run(["gc"]).status == 0)
        let applied = try project.run(["exp", "apply", "seven"])
        #expect(applied.status == 0, "stderr: \(applied.stderr)")
        #expect(try project.read("params.yaml").contains("lr: 0.7"))
        #expect(try project.read("model.txt").contains("lr=0.7"))
        #expect(try project.read("metrics.txt").contains("threshold=3"))
        let status = try project.run(["status", "--json"])
        #expect(status.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "{}", "\(status.stdout)")
        let again = try project.repro()
        #expect(again.executed.isEmpty)
    }

    @Test func showListsExperimentsBestFirstAndRemoveDeletesThem() throws {
        let project = try FixtureProject("basic")
        try project.write("pipeline.yaml", """
            stages:
              train:
                cmd: echo "{\\"rmse\\":${train.lr}}" > metrics.json
                params: [train.lr]
                metrics: [metrics.json]

            """)
        #expect(try project.run(["exp", "run", "-S", "train.lr=0.3,0.1,0.2", "--name", "lr"]).status == 0)
        let shown = try project.run(["exp", "show", "--json"])
        #expect(shown.status == 0, "stderr: \(shown.stderr)")
        let table = try #require(try Self.json(shown.stdout) as? [String: Any])
        #expect(table["sort_by"] as? String == "rmse")
        let rows = try #require(table["experiments"] as? [[String: Any]])
        #expect(rows.compactMap { $0["name"] as? String } == ["lr-2", "lr-3", "lr-1"])
        #expect((rows.first?["params"] as? [String: Any])?["train.lr"] as? Double == 0.1)
        let csv = try project.run(["exp", "show", "--csv", "--sort-order", "desc"])
        #expect(csv.stdout.split(separator: "\n").first == "experiment,status,run,created,rmse,train.lr")
        #expect(csv.stdout.split(separator: "\n").dropFirst().first?.hasPrefix("lr-1,finished,") == true)

        #expect(try project.run(["exp", "remove", "lr-1"]).status == 0)
        #expect(try Self.runs(of: project).count == 2)
        #expect(try project.run(["exp", "remove", "lr-9"]).status == 2)
        #expect(try project.run(["exp", "remove", "--all"]).status == 0)
        #expect(try Self.runs(of: project).isEmpty)
    }

    @Test func gcRemovesFailedExperimentsAndLeftoverCopies() throws {
        let project = try FixtureProject("basic")
        try project.write("pipeline.yaml", "stages:\n  train:\n    cmd: test ${train.lr} = 0.1 && echo ok > out.txt\n    params: [train.lr]\n    outs: [out.txt]\n")
        #expect(try project.run(["exp", "run", "-S", "train.lr=0.1,0.2"]).status == 1)
        try FileManager.default.createDirectory(atPath: project.directory.url(".sluice/tmp/exps/stale"), withIntermediateDirectories: true)
        let gc = try project.run(["exp", "gc"])
        #expect(gc.status == 0)
        #expect(gc.stdout.contains("Removed 1 experiments and 1 temporary copies."), "\(gc.stdout)")
        #expect(try Self.runs(of: project).map(\.status) == ["finished"])
    }

    /// The acceptance test: 24 points over the default pipeline where only `train`
    /// params vary run `ingest` and `prepare` once, whatever the order the two workers take.
    @Test func aSweepOfTheDefaultPipelineRunsIngestAndPrepareOnce() throws {
        let project = try Self.defaultProject()
        let result = try project.run([
            "exp", "run", "-S", "train.max_depth=range(3,7)", "-S", "train.reg_lambda=choice(0.5,1,2)",
            "-S", "train.n_estimators=30,40", "-S", "export.min_r2=0", "-S", "export.max_rmse=100", "-j", "2", "--json",
        ])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let runs = try Self.runs(of: project)
        #expect(runs.count == 24)
        for stage in ["ingest", "prepare"] {
            #expect(runs.filter { $0.stages("executed").contains(stage) }.count == 1, "\(stage)")
            #expect(runs.filter { $0.stages("restored").contains(stage) }.count == 23, "\(stage)")
        }
        #expect(runs.allSatisfy { $0.stages("executed").contains("train") })
        #expect(try project.read("params.yaml") == (try String(contentsOfFile: ReadmeTests.repository + "/params.yaml", encoding: .utf8)))
        let shown = try project.run(["exp", "show", "--json"])
        let table = try #require(try Self.json(shown.stdout) as? [String: Any])
        #expect((table["experiments"] as? [Any])?.count == 24)
    }
}
