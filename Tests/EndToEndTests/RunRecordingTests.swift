import Foundation
import Testing
import _TestSupport

/// What `sluice repro` records in runs/: when, and what.
@Suite struct RunRecordingTests {
    /// A JSON file of the project as a dictionary.
    static func json(_ project: FixtureProject, _ relative: String) throws -> [String: Any] {
        let data = Data(try project.read(relative).utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(relative) is not an object")
    }

    static func stages(_ runJSON: [String: Any]) -> [String: String] {
        let stages = runJSON["stages"] as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: stages.compactMap { stage in
            (stage["name"] as? String).map { ($0, stage["action"] as? String ?? "?") }
        })
    }

    static func runFolders(_ project: FixtureProject) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: project.directory.url("runs"))) ?? []).sorted()
    }

    @Test func aReproThatRunsStagesIsRecorded() throws {
        let project = try FixtureProject("metrics")
        defer { project.directory.remove() }
        let report = try project.repro(["--name", "baseline"], environment: ["SLUICE_NOW": "2026-11-22T10:30:15Z"])
        let id = try #require(report.run)
        #expect(id.hasPrefix("20261122-103015-"))
        #expect(Self.runFolders(project) == [id])
        let run = try Self.json(project, "runs/\(id)/run.json")
        #expect(run["status"] as? String == "finished")
        #expect(run["name"] as? String == "baseline")
        #expect(run["start_time"] as? String == "2026-11-22T10:30:15.000Z")
        #expect(run["command"] as? [String] == ["sluice", "repro", "--json", "--name", "baseline"])
        #expect(Self.stages(run) == ["prepare": "executed", "train": "executed"])
        #expect((run["process"] as? [String: Any])?["pid"] is Int)
        let params = try Self.json(project, "runs/\(id)/params.json")
        #expect(params["train.lr"] as? Double == 0.1 && params["train.depth"] as? Int == 4)
        let metrics = try Self.json(project, "runs/\(id)/metrics.json")
        #expect(metrics["rmse"] as? Int == 4 && metrics["val.r2"] as? Double == 0.6 && metrics["depth"] as? Int == 4)
        #expect(try project.read("runs/\(id)/logs/train.log") == "run \(id) stage train\n")
        #expect(try project.read("runs/\(id)/history.jsonl").split(separator: "\n").count == 3)
    }

    @Test func aReproThatDoesNothingLeavesNoRun() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        let first = try project.repro()
        let second = try project.repro()
        #expect(second.run == nil)
        #expect(Self.runFolders(project) == [try #require(first.run)])
        #expect(try project.repro(["--dry"]).run == nil)
        #expect(Self.runFolders(project).count == 1)
    }

    @Test func aRestoredStageIsRecorded() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.repro()
        try project.remove("model.txt")
        let report = try project.repro()
        #expect(report.restored == ["train"])
        let run = try Self.json(project, "runs/\(try #require(report.run))/run.json")
        #expect(Self.stages(run) == ["prepare": "skipped", "train": "restored", "evaluate": "skipped"])
        #expect(run["status"] as? String == "finished")
    }

    @Test func aFailedRunKeepsTheFailingStagesLog() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.write("pipeline.yaml", """
            stages:
              first:
                cmd: echo one > one.txt
                outs: [one.txt]
              broken:
                cmd: echo going wrong; exit 7
                deps: [one.txt]
                outs: [two.txt]
              after:
                cmd: cat two.txt > three.txt
                deps: [two.txt]
                outs: [three.txt]
            """)
        let report = try project.repro(expectStatus: 1)
        let id = try #require(report.run)
        let run = try Self.json(project, "runs/\(id)/run.json")
        #expect(run["status"] as? String == "failed")
        #expect(Self.stages(run) == ["first": "executed", "broken": "failed", "after": "not_run"])
        let broken = (run["stages"] as? [[String: Any]])?.first { $0["name"] as? String == "broken" }
        #expect(broken?["exit_code"] as? Int == 7)
        #expect(broken?["log"] as? String == "logs/broken.log")
        #expect(try project.read("runs/\(id)/logs/broken.log") == "going wrong\n")
        #expect(run["end_time"] is String)
    }

    @Test func noRunRecordsNothingAndLogsLocally() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        let report = try project.repro(["--no-run"])
        #expect(report.executed.count == 3 && report.run == nil)
        #expect(!project.exists("runs"))
        #expect(project.exists(".sluice/logs/train.log"))
    }

    @Test func aKilledReproIsShownAsKilledAndTheNextOneWorks() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.write("pipeline.yaml", "stages:\n  slow:\n    cmd: touch started; sleep 3\n")
        let process = try project.start(["repro"])
        project.waitFor("started")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let list = try project.run(["runs", "list", "--json"])
        let runs = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(runs.map { $0["status"] as? String } == ["killed"])
        try project.write("pipeline.yaml", "stages:\n  quick:\n    cmd: echo done\n")
        #expect(try project.repro().executed == ["quick"])
        #expect(Self.runFolders(project).count == 2)
    }

    @Test func anInterruptedReproIsRecordedAsKilled() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.write("pipeline.yaml", "stages:\n  slow:\n    cmd: echo begun; touch started; sleep 30\n")
        let process = try project.start(["repro"])
        project.waitFor("started")
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        let id = try #require(Self.runFolders(project).first)
        let run = try Self.json(project, "runs/\(id)/run.json")
        #expect(run["status"] as? String == "killed")
        #expect(run["end_time"] is String)
        #expect(Self.stages(run) == ["slow": "interrupted"])
        #expect(try project.read("runs/\(id)/logs/slow.log") == "begun\n")
    }

    @Test func aNoOpReproInAFreshProjectLeavesNoRunsFolder() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.write("pipeline.yaml", "stages:\n  cold:\n    cmd: echo never\n    frozen: true\n")
        #expect(try project.repro().run == nil)
        #expect(!project.exists("runs"))
    }

    static let gitAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/git")
        || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/git")

    /// Runs git in the project, with an identity so commits work on any machine.
    static func git(_ project: FixtureProject, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: project.path)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(.enabled(if: gitAvailable)) func gitCommitBranchAndDirtyFlag() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.write(".gitignore", ".sluice/\n")
        _ = try Self.git(project, ["init", "-q", "-b", "trunk"])
        _ = try Self.git(project, ["add", "-A"])
        _ = try Self.git(project, ["commit", "-q", "-m", "fixture"])
        let head = try Self.git(project, ["rev-parse", "HEAD"])
        let clean = try Self.json(project, "runs/\(try #require(try project.repro().run))/run.json")
        let git = clean["git"] as? [String: Any]
        #expect(git?["commit"] as? String == head && git?["branch"] as? String == "trunk" && git?["dirty"] as? Bool == false)
        try project.write("params.yaml", "train:\n  lr: 0.2\n  unused: 5\nevaluate:\n  threshold: 3\n")
        let dirty = try Self.json(project, "runs/\(try #require(try project.repro().run))/run.json")
        #expect((dirty["git"] as? [String: Any])?["dirty"] as? Bool == true)
    }

    @Test func aProjectOutsideGitRecordsNoCommit() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        // Git must not look above the temporary folder, whatever holds it.
        let parent = (project.path as NSString).deletingLastPathComponent
        let report = try project.repro(environment: ["GIT_CEILING_DIRECTORIES": parent])
        let run = try Self.json(project, "runs/\(try #require(report.run))/run.json")
        #expect(run["git"] is NSNull)
    }

    @Test func anEmptyRunNameIsAUsageError() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        let result = try project.run(["repro", "--name", ""])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: invalid value '' for '--name <name>': a run name cannot be empty"))
    }
}
