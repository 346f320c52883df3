import Foundation
import Testing
import _TestSupport

/// `sluice repro` on the basic fixture: which stages run, asserted on the report.
@Suite struct ReproTests {
    @Test func firstRunExecutesAllAndSecondRunNothing() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        let first = try project.repro()
        #expect(first.executed == ["prepare", "train", "evaluate"])
        #expect(first.reasonKinds("train") == ["never_run"])
        #expect(try project.read("model.txt") == "HELLO WORLD\nlr=0.1\n")
        #expect(project.exists("pipeline.lock"))
        let second = try project.repro()
        #expect(second.executed == [])
        #expect(second.skipped == ["prepare", "train", "evaluate"])
    }

    @Test func touchingADependencyChangesNothing() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.repro()
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 120)],
                                              ofItemAtPath: project.directory.url("data/raw.txt"))
        #expect(try project.repro().executed == [])
    }

    @Test func changingOneParamRunsOnlyItsConsumers() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.repro()
        try project.write("params.yaml", "train:\n  lr: 0.1\n  unused: 5\nevaluate:\n  threshold: 4\n")
        let report = try project.repro()
        #expect(report.executed == ["evaluate"])
        // The command interpolates the parameter, so its text changed too.
        #expect(report.reasonKinds("evaluate") == ["command_changed", "param_changed"])
    }

    @Test func changingAnUpstreamParamRunsDownstreamWhenOutputsChange() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.repro()
        try project.write("params.yaml", "train:\n  lr: 0.2\n  unused: 5\nevaluate:\n  threshold: 3\n")
        let report = try project.repro()
        #expect(report.executed == ["train", "evaluate"])
        #expect(report.reasonKinds("evaluate") == ["dep_modified"])
    }

    @Test func equivalentRewriteOfParamsChangesNothing() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.repro()
        try project.write("params.yaml", """
            # reordered, commented, 0.10 instead of 0.1, unused key changed
            evaluate: {threshold: 3}
            train:
              unused: 6   # not tracked by any stage
              lr: 0.10
            """)
        #expect(try project.repro().executed == [])
    }

    @Test func identicalOutputsLeaveDownstreamUpToDate() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.repro()
        try project.write("data/raw.txt", "HELLO world\n")  // same prepared.txt after upper-casing
        let report = try project.repro()
        #expect(report.executed == ["prepare"])
        #expect(report.skipped == ["train", "evaluate"])
    }

    @Test func deletedOutputNotInTheCacheReRunsItsStage() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.repro()
        try project.remove(".sluice/cache")
        try project.remove("model.txt")
        let report = try project.repro()
        #expect(report.executed == ["train"])
        #expect(report.reasonKinds("train") == ["out_deleted"])
        #expect(report.skipped.contains("evaluate"))
    }

    @Test func targetRunsItsUpstreamNotItsDownstream() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        #expect(try project.repro(["train"]).executed == ["prepare", "train"])
        try project.write("data/raw.txt", "changed\n")
        try project.write("params.yaml", "train:\n  lr: 0.2\n  unused: 5\nevaluate:\n  threshold: 3\n")
        // From train down: prepare stays stale, train and evaluate run.
        #expect(try project.repro(["train", "--downstream"]).executed == ["train", "evaluate"])
        #expect(try project.repro(["prepare", "--dry"]).stages.first?["action"] as? String == "not_run")
    }

    @Test func forceRunsEverythingAndDryRunsNothing() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        let dry = try project.repro(["--dry"])
        #expect(dry.executed == [])
        #expect(!project.exists("model.txt"))
        #expect(dry.reasonKinds("evaluate") == ["never_run", "upstream_changed"])
        try project.repro()
        let forced = try project.repro(["--force"])
        #expect(forced.executed == ["prepare", "train", "evaluate"])
        #expect(forced.reasonKinds("prepare") == ["forced"])
    }

    @Test func unknownTargetIsAUsageError() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        let result = try project.run(["repro", "trian"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("error: no stage named 'trian' in pipeline.yaml"))
        #expect(result.stderr.contains("did you mean 'train'?"))
    }
}
