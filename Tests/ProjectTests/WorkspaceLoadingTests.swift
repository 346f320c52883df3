import Basics
import ContentStore
import Foundation
import PipelineState
import Project
import Testing

/// The lock files read beside the pipeline: the same locks, and errors in the order
/// they had when the two were read one after the other.
@Suite struct WorkspaceLoadingTests {
    static let lock = "schema: \"1.0\"\nstages:\n  hello:\n    cmd: echo hello\n"

    @Test func theLocksReadAlongsideAreTheLocksReadAlone() throws {
        let project = try TestProject(["pipeline.yaml": "stages: {}\n", "pipeline.lock": Self.lock])
        defer { project.directory.remove() }
        let (value, read) = try project.workspace.readingLocks { 42 }
        #expect(value == 42)
        #expect(read.locks == (try project.workspace.loadLocks()))
        #expect(read.locks.entry(lock: "pipeline.lock", stage: "hello")?.commands == ["echo hello"])
        #expect(read.stats["pipeline.lock"] == FileStat.readFollowingLinks(project.workspace.root + "/pipeline.lock"))
        #expect(project.workspace.isUnchanged(read))
    }

    @Test func aLockRewrittenSinceTheReadIsNoticed() throws {
        let project = try TestProject(["pipeline.yaml": "stages: {}\n", "pipeline.lock": Self.lock])
        defer { project.directory.remove() }
        let (_, read) = try project.workspace.readingLocks { () }
        try project.directory.write("pipeline.lock", Self.lock + "  other:\n    cmd: echo other\n")
        #expect(!project.workspace.isUnchanged(read))
    }

    @Test func withoutALockFileTheLockIsEmpty() throws {
        let project = try TestProject(["pipeline.yaml": "stages: {}\n"])
        defer { project.directory.remove() }
        let (_, read) = try project.workspace.readingLocks { () }
        #expect(read.locks.entry(lock: "pipeline.lock", stage: "hello") == nil)
        #expect(read.stats["pipeline.lock"] == .some(nil))
    }

    @Test func theBodysErrorComesBeforeTheLocksError() throws {
        let project = try TestProject(["pipeline.yaml": "stages: [\n", "pipeline.lock": "stages: [\n"])
        defer { project.directory.remove() }
        let error = #expect(throws: (any Error).self) { try project.workspace.readingLocks { try project.workspace.loadPipeline() } }
        #expect("\(error.map { "\($0)" } ?? "")".contains("pipeline.yaml"))
        let lockError = #expect(throws: Diagnostic.self) { try project.workspace.readingLocks { () } }
        #expect(lockError?.location?.file == "pipeline.lock")
    }
}
