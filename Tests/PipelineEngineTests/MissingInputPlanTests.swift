import Basics
import ContentStore
import Foundation
import Pipeline
import PipelineEngine
import PipelineState
import Testing
import _TestSupport

/// Status and repro over a loaded pipeline whose inputs are partly absent: what no stage
/// writes is named as missing, what an upstream stage will write is not.
@Suite struct MissingInputPlanTests {
    static let pipeline = """
        stages:
          make:
            cmd: echo made > made.txt
            outs: [made.txt]
          use:
            cmd: cat made.txt > used.txt
            deps: [made.txt]
            outs: [used.txt]
          orphan:
            cmd: cat absent.txt > orphan.txt
            deps: [absent.txt]
            outs: [orphan.txt]
          tuned:
            cmd: echo tuned > tuned.txt
            params:
              - configs/x.yml: [lr]
            outs: [tuned.txt]
        """

    static func load(in dir: TemporaryDirectory) throws -> Pipeline {
        try PipelineLoader.load(text: pipeline, root: dir.path, displayName: "pipeline.yaml")
    }

    @Test func statusNamesWhatNoStageWritesAndLeavesTheRestToUpstream() throws {
        let dir = try TemporaryDirectory(prefix: "sluice-missing-inputs")
        defer { dir.remove() }
        let planner = StatusPlanner(pipeline: try Self.load(in: dir), locks: LockSet(),
                                    fingerprinter: Fingerprinter(root: dir.path, statCachePath: nil))
        let reasons = Dictionary(uniqueKeysWithValues: try planner.status().map { ($0.stage, $0.reasons) })
        #expect(reasons["make"] == [.neverRun])
        #expect(reasons["use"] == [.neverRun, .upstreamChanged(stage: "make")])
        #expect(reasons["orphan"] == [.neverRun, .dependencyMissing(path: "absent.txt")])
        #expect(reasons["tuned"] == [.neverRun, .paramsFileMissing(file: "configs/x.yml")])
    }

    @Test func reproFailsOnlyTheStagesThatLackAnInput() throws {
        let dir = try TemporaryDirectory(prefix: "sluice-missing-inputs")
        defer { dir.remove() }
        let reproducer = Reproducer(
            pipeline: try Self.load(in: dir), locks: LockSet(),
            fingerprinter: Fingerprinter(root: dir.path, statCachePath: nil), logDirectory: dir.url(".sluice/logs"))
        var options = ReproOptions()
        options.keepGoing = true
        let report = try reproducer.run(options) { _ in }
        #expect(Set(report.stages(.executed)) == ["make", "use"])
        #expect(Set(report.stages(.failed)) == ["orphan", "tuned"])
        let tuned = try #require(report.outcomes.first { $0.stage == "tuned" })
        #expect(tuned.message == "params file 'configs/x.yml' does not exist (named in 'params' at pipeline.yaml:16:9); "
            + "create it, or remove it from the stage's 'params'")
        #expect(!FileManager.default.fileExists(atPath: dir.url("tuned.txt")), "the stage must not run")
    }
}
