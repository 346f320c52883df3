import Basics
import ContentStore
import Foundation
import Pipeline
import PipelineEngine
import PipelineState
import Synchronization
import Testing
import _TestSupport

/// `repro -s`: the targets alone, in dependency order, without their upstream.
@Suite struct SingleItemTests {
    static let pipeline = """
        stages:
          make:
            cmd: echo made > made.txt
            outs: [made.txt]
          use:
            cmd: cat made.txt > used.txt
            deps: [made.txt]
            outs: [used.txt]
          last:
            cmd: cat used.txt > last.txt
            deps: [used.txt]
            outs: [last.txt]
        """

    static func load(in dir: TemporaryDirectory) throws -> Pipeline {
        try PipelineLoader.load(text: pipeline, root: dir.path, displayName: "pipeline.yaml")
    }

    @Test(arguments: [
        (["use"], false, ["use"]),
        (["use"], true, ["make", "use"]),
        (["last", "make"], false, ["make", "last"]),
    ])
    func planHoldsTheTargetsAloneInOrder(targets: [String], upstream: Bool, expected: [String]) throws {
        let dir = try TemporaryDirectory(prefix: "sluice-single-item")
        defer { dir.remove() }
        let pipeline = try Self.load(in: dir)
        let plan = try StageSelection.plan(targets, downstream: false, singleItem: !upstream, in: pipeline)
        #expect(plan.map { pipeline.stages[$0].name } == expected)
    }

    @Test func statusOfOneStageGivesNoUpstreamReason() throws {
        let dir = try TemporaryDirectory(prefix: "sluice-single-item")
        defer { dir.remove() }
        let planner = StatusPlanner(pipeline: try Self.load(in: dir), locks: LockSet(),
                                    fingerprinter: Fingerprinter(root: dir.path, statCachePath: nil))
        let entries = try planner.status(targets: ["use"], singleItem: true)
        #expect(entries.map(\.stage) == ["use"])
        #expect(entries.first?.reasons == [.neverRun], "no upstreamChanged: make is not considered")
    }

    @Test func reproOfOneStageRunsNothingUpstream() throws {
        let dir = try TemporaryDirectory(prefix: "sluice-single-item")
        defer { dir.remove() }
        try "made\n".write(toFile: dir.path + "/made.txt", atomically: true, encoding: .utf8)
        let reproducer = Reproducer(pipeline: try Self.load(in: dir), locks: LockSet(),
                                    fingerprinter: Fingerprinter(root: dir.path, statCachePath: nil), logDirectory: dir.path + "/logs")
        var options = ReproOptions()
        options.targets = ["use"]
        options.singleItem = true
        let report = try reproducer.run(options) { _ in }
        #expect(report.outcomes.map(\.stage) == ["use"])
        #expect(report.outcomes.first?.action == .executed)
    }

    @Test func theRunCacheFillIsAskedForAStaleStageKey() throws {
        let dir = try TemporaryDirectory(prefix: "sluice-single-item")
        defer { dir.remove() }
        let asked = Mutex<[[String]]>([])
        let reproducer = Reproducer(pipeline: try Self.load(in: dir), locks: LockSet(),
                                    fingerprinter: Fingerprinter(root: dir.path, statCachePath: nil), logDirectory: dir.path + "/logs",
                                    cache: CacheStore(directory: dir.path + "/.sluice/cache"),
                                    runCacheFill: { key in asked.withLock { $0.append(key.commands) } })
        var options = ReproOptions()
        options.targets = ["make"]
        _ = try reproducer.run(options) { _ in }
        #expect(asked.withLock { $0 } == [["echo made > made.txt"]])
    }
}
