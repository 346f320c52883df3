import Foundation
import Testing
import _TestSupport

/// Failing stages, invalid pipelines and concurrent repros.
@Suite struct ReproFailureTests {
    @Test func failingStageStopsItsDownstreamAndKeepsTheLock() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.repro()
        let lockBefore = try project.read("pipeline.lock")
        try project.write("params.yaml", "train:\n  lr: 0.3\n  unused: 5\nevaluate:\n  threshold: 3\n")
        let pipeline = try project.read("pipeline.yaml")
        try project.write("pipeline.yaml", pipeline.replacingOccurrences(
            of: "(cat data/prepared.txt; echo \"lr=${train.lr}\") > model.txt", with: "echo partial > model.txt; echo training broke; exit 3"))
        let report = try project.repro(expectStatus: 1)
        #expect(report.failed == ["train"])
        #expect(report.outcome("train")?["exit_code"] as? Int == 3)
        #expect(report.outcome("evaluate")?["action"] as? String == "not_run")
        #expect(try project.read("pipeline.lock") == lockBefore)
        #expect(try project.read("model.txt") == "partial\n")  // left for inspection
        let run = try #require(report.run)
        #expect(try project.read("runs/\(run)/logs/train.log") == "training broke\n")
        let plain = try project.run(["repro"])
        #expect(plain.status == 1)
        #expect(plain.stderr.contains("error: stage 'train' failed: command exited with code 3"))
        #expect(plain.stderr.contains(#/log: runs/\d{8}-\d{6}-[0-9a-f]{4}/logs/train\.log/#))
        let unrecorded = try project.run(["repro", "--no-run"])
        #expect(unrecorded.stderr.contains("log: .sluice/logs/train.log"))
        #expect(try project.read(".sluice/logs/train.log") == "training broke\n")
    }

    @Test func commandThatDoesNotWriteItsOutputFails() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.write("pipeline.yaml", "stages:\n  a:\n    cmd: 'true'\n    outs: [never.txt]\n")
        let report = try project.repro(expectStatus: 1)
        #expect(report.failed == ["a"])
        #expect(report.outcome("a")?["message"] as? String == "output 'never.txt' does not exist after the stage ran")
        #expect(!project.exists("pipeline.lock"))
    }

    @Test(arguments: [
        ("stages:\n  a:\n    cmd: x\n    deps: [b.txt]\n    outs: [a.txt]\n  b:\n    cmd: y\n    deps: [a.txt]\n    outs: [b.txt]\n",
         "pipeline.yaml:2:3: error: dependency cycle: a -> b -> a"),
        ("stages:\n  a:\n    cmd: x\n    outs: [o.txt]\n  b:\n    cmd: y\n    outs: [o.txt]\n",
         "pipeline.yaml:7:12: error: output 'o.txt' of stage 'b' is already an output of stage 'a'"),
        ("stages:\n  a:\n    cmd: x\n    params: [train.missing_key]\n",
         "pipeline.yaml:4:14: error: 'train.missing_key' is missing from params.yaml"),
        ("stages:\n  a:\n    cmd: [x\n", "pipeline.yaml:3:10: error:"),
    ])
    func invalidPipelinesAreLocatedUsageErrors(pipeline: String, expected: String) throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.write("pipeline.yaml", pipeline)
        let result = try project.run(["repro"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(expected), "stderr: \(result.stderr)")
        #expect(!project.exists("pipeline.lock"))
    }

    @Test func missingDependencyNamesStageAndPath() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.remove("data/raw.txt")
        let report = try project.repro(expectStatus: 1)
        #expect(report.failed == ["prepare"])
        #expect(report.outcome("prepare")?["message"] as? String
            == "dependency 'data/raw.txt' does not exist and no stage produces it")
    }

    @Test func independentStagesRunInParallel() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        // Each stage waits for the other's marker: only a parallel run can finish both.
        try project.write("pipeline.yaml", """
            stages:
              left:
                cmd: touch left.started; for i in $(seq 50); do [ -f right.started ] && break; sleep 0.1; done; [ -f right.started ] && echo ok > left.txt
                outs: [left.txt]
              right:
                cmd: touch right.started; for i in $(seq 50); do [ -f left.started ] && break; sleep 0.1; done; [ -f left.started ] && echo ok > right.txt
                outs: [right.txt]
            """)
        let report = try project.repro(["-j", "2"])
        #expect(Set(report.executed) == ["left", "right"])
    }

    @Test func secondReproInTheSameProjectIsRefused() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.write("pipeline.yaml", "stages:\n  slow:\n    cmd: touch started; sleep 3\n")
        let first = try project.start(["repro"])
        defer { first.waitUntilExit() }
        project.waitFor("started")
        let second = try project.run(["repro"])
        #expect(second.status == 2)
        #expect(second.stderr.contains("another sluice repro or exp run is running in this project"))
    }
}

/// Ctrl-C during a repro.
@Suite struct InterruptTests {
    @Test func interruptStopsTheRunningStageAndKeepsFinishedOnes() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.write("pipeline.yaml", """
            stages:
              first:
                cmd: echo one > one.txt
                outs: [one.txt]
              second:
                cmd: touch started; sleep 30; echo two > two.txt
                deps: [one.txt]
                outs: [two.txt]
            """)
        try project.write("report.json", "")
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: project.directory.url("report.json")))
        let started = Date()
        let process = try project.start(["repro", "--json"], stdout: output)
        try output.close()
        project.waitFor("started")
        #expect(project.exists("started"))
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        let report = try ReproReportJSON(try project.read("report.json"))
        #expect(Date().timeIntervalSince(started) < 20, "the sleeping stage was not interrupted")
        #expect(process.terminationStatus == 1)
        #expect(report.executed == ["first"])
        #expect(report.outcome("second")?["action"] as? String == "interrupted")
        let lock = try project.read("pipeline.lock")
        #expect(lock.contains("first:") && !lock.contains("second:"))
    }
}
