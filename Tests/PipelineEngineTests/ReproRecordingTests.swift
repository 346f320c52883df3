import Basics
import ContentStore
import Dispatch
import Foundation
import Pipeline
import PipelineEngine
import PipelineState
import Synchronization
import Testing
import _TestSupport

/// What a repro leaves in the lock file and what status says, when lock writes are
/// batched and up-to-date stages are settled without a worker.
@Suite struct ReproRecordingTests {
    static func project(_ pipeline: String, files: [String: String] = ["in.txt": "xy\n"]) throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory(prefix: "sluice-repro-recording")
        try dir.write("pipeline.yaml", pipeline)
        for (path, text) in files { try dir.write(path, text) }
        return dir
    }

    static func reproducer(_ dir: TemporaryDirectory, lockWriteSpacing: Double = 10) throws -> Reproducer {
        let pipeline = try PipelineLoader.load(text: try dir.read("pipeline.yaml"), root: dir.path, displayName: "pipeline.yaml")
        return Reproducer(
            pipeline: pipeline, locks: try LockSet.read(root: dir.path, paths: ["pipeline.lock"]),
            fingerprinter: Fingerprinter(root: dir.path, statCachePath: nil),
            logDirectory: dir.url(".sluice/logs"), lockWriteSpacing: lockWriteSpacing)
    }

    static func repro(_ dir: TemporaryDirectory) throws -> ReproReport {
        try reproducer(dir).run(ReproOptions()) { _ in }
    }

    /// A repro running on another thread.
    final class Running: Sendable {
        let result = Mutex<Result<ReproReport, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
    }

    @Test func anInterruptedReproRecordsEveryFinishedStage() throws {
        let dir = try Self.project("""
            stages:
              a:
                cmd: cp in.txt a.txt
                deps: [in.txt]
                outs: [a.txt]
              b:
                cmd: cp in.txt b.txt
                deps: [in.txt]
                outs: [b.txt]
              slow:
                cmd: touch started && sleep 60 && cp a.txt slow.txt
                deps: [a.txt, b.txt]
                outs: [slow.txt]

            """)
        defer { dir.remove() }
        // Writes wait for the end of the repro: only the final flush can record a and b.
        let reproducer = try Self.reproducer(dir, lockWriteSpacing: .infinity)
        let running = Running()
        DispatchQueue.global().async {
            var options = ReproOptions()
            options.jobs = 1
            let outcome = Result { try reproducer.run(options) { _ in } }
            running.result.withLock { $0 = outcome }
            running.done.signal()
        }
        var waited = 0
        while !FileManager.default.fileExists(atPath: dir.url("started")) && waited < 600 {
            usleep(100_000)
            waited += 1
        }
        reproducer.interrupt()
        running.done.wait()
        let report = try #require(try running.result.withLock { $0 }?.get())
        #expect(report.stages(.executed) == ["a", "b"])
        #expect(report.stages(.interrupted) == ["slow"])
        let lock = try LockFile.read(path: dir.url("pipeline.lock"), displayName: "pipeline.lock")
        #expect(Set(lock.stages.keys) == ["a", "b"])
    }

    @Test func aStageBelowOneThatRanIsLookedAtAgain() throws {
        let dir = try Self.project("""
            stages:
              first:
                cmd: cut -c1 in.txt > first.txt
                deps: [in.txt]
                outs: [first.txt]
              second:
                cmd: cp first.txt second.txt
                deps: [first.txt]
                outs: [second.txt]

            """)
        defer { dir.remove() }
        #expect(try Self.repro(dir).stages(.executed) == ["first", "second"])
        #expect(try Self.repro(dir).stages(.skipped) == ["first", "second"])
        // first runs again and writes the same byte: second stays up to date.
        try dir.write("in.txt", "xz\n")
        let same = try Self.repro(dir)
        #expect(same.stages(.executed) == ["first"])
        #expect(same.stages(.skipped) == ["second"])
        // first writes another byte: second must see it, not what the disk held when the repro began.
        try dir.write("in.txt", "yz\n")
        #expect(try Self.repro(dir).stages(.executed) == ["first", "second"])
        #expect(try dir.read("second.txt") == "y\n")
    }

    @Test func statusNamesTheNearestStaleStageUpstreamOnce() throws {
        let dir = try Self.project("""
            stages:
              source:
                cmd: cp in.txt src.txt
                deps: [in.txt]
                outs: [src.txt]
              left:
                cmd: cp src.txt left.txt
                deps: [src.txt]
                outs: [left.txt]
              right:
                cmd: cp src.txt right.txt
                deps: [src.txt]
                outs: [right.txt]
              merge:
                cmd: cat left.txt right.txt > merged.txt
                deps: [left.txt, right.txt]
                outs: [merged.txt]

            """)
        defer { dir.remove() }
        _ = try Self.repro(dir)
        try dir.write("in.txt", "changed\n")
        let pipeline = try PipelineLoader.load(text: try dir.read("pipeline.yaml"), root: dir.path, displayName: "pipeline.yaml")
        let planner = StatusPlanner(
            pipeline: pipeline, locks: try LockSet.read(root: dir.path, paths: ["pipeline.lock"]),
            fingerprinter: Fingerprinter(root: dir.path, statCachePath: nil))
        let reasons = Dictionary(uniqueKeysWithValues: try planner.status().map { ($0.stage, $0.reasons) })
        #expect(reasons["source"] == [.dependencyModified(path: "in.txt")])
        #expect(reasons["left"] == [.upstreamChanged(stage: "source")])
        #expect(reasons["right"] == [.upstreamChanged(stage: "source")])
        // Both stages above merge will run; it names one, not each.
        #expect(reasons["merge"] == [.upstreamChanged(stage: "left")])
    }
}
