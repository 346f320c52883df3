import Basics
import ContentStore
import PipelineState
import Project
import Testing

/// The lock file read beside the pipeline: the same lock, and errors in the order
/// they had when the two were read one after the other.
@Suite struct WorkspaceLoadingTests {
    static let lock = "schema: \"1.0\"\nstages:\n  hello:\n    cmd: echo hello\n"

    @Test func theLockReadAlongsideIsTheLockReadAlone() throws {
        let project = try TestProject(["pipeline.yaml": "stages: {}\n", "pipeline.lock": Self.lock])
        defer { project.directory.remove() }
        let (value, read) = try project.workspace.readingLock { 42 }
        #expect(value == 42)
        #expect(read.lock == (try project.workspace.loadLock()))
        #expect(read.lock.stages["hello"]?.commands == ["echo hello"])
        #expect(read.stat == FileStat.readFollowingLinks(project.workspace.lockPath))
    }

    @Test func withoutALockFileTheLockIsEmpty() throws {
        let project = try TestProject(["pipeline.yaml": "stages: {}\n"])
        defer { project.directory.remove() }
        let (_, read) = try project.workspace.readingLock { () }
        #expect(read.lock.stages.isEmpty)
        #expect(read.stat == nil)
    }

    @Test func theBodysErrorComesBeforeTheLocksError() throws {
        let project = try TestProject(["pipeline.yaml": "stages: [\n", "pipeline.lock": "stages: [\n"])
        defer { project.directory.remove() }
        let error = #expect(throws: (any Error).self) { try project.workspace.readingLock { try project.workspace.loadPipeline() } }
        #expect("\(error.map { "\($0)" } ?? "")".contains("pipeline.yaml"))
        let lockError = #expect(throws: Diagnostic.self) { try project.workspace.readingLock { () } }
        #expect(lockError?.location?.file == "pipeline.lock")
    }
}
