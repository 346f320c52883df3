import Basics
import Foundation
import PipelineEngine
import PipelineState
import Project
import Testing
import _TestSupport

/// `repro --pull`'s prefetch and the run-cache on a directory remote: project A runs and
/// pushes; project B has A's pipeline, lock file and settings, and no cache or outputs.
@Suite struct RemotePrefetchTests {
    static let pipeline = """
        stages:
          make:
            cmd: tr a-z A-Z < source.txt > made.txt
            deps: [source.txt]
            outs: [made.txt]
          use:
            cmd: cat made.txt made.txt > used.txt
            deps: [made.txt]
            outs: [used.txt]

        """

    /// A and B, with A run and pushed (its run-cache too) to `remote`.
    static func projects(_ remote: TemporaryDirectory) throws -> (TestProject, TestProject) {
        let files = ["pipeline.yaml": pipeline, "source.txt": "abc\n", "sluice.yaml": "remotes:\n  shared: {url: \(remote.path)}\ndefault_remote: shared\n"]
        let first = try TestProject(files), second = try TestProject(files)
        let session = try ReproSession(workspace: first.workspace, options: ReproOptions(), useRunCache: true, recording: nil, binDirectory: nil)
        #expect(try session.run { _ in }.report.stages(.executed) == ["make", "use"])
        let sync = try RemoteSync(workspace: first.workspace, remote: nil, jobs: 2)
        #expect(try sync.push(targets: []).failures.isEmpty)
        #expect(try sync.pushRunCache(targets: []).failures.isEmpty)
        return (first, second)
    }

    static func singleItem(_ stage: String) -> ReproOptions {
        var options = ReproOptions()
        options.targets = [stage]
        options.singleItem = true
        return options
    }

    @Test func theStagesInputsAreCheckedOutAndItsOutputsFetched() throws {
        let remote = try TemporaryDirectory()
        defer { remote.remove() }
        let (first, second) = try Self.projects(remote)
        defer { first.directory.remove(); second.directory.remove() }
        try second.write("pipeline.lock", try first.read("pipeline.lock"))
        let prefetch = try RemoteSync(workspace: second.workspace, remote: nil, jobs: 2).prefetch(Self.singleItem("use"))
        #expect(prefetch.restored == ["made.txt"])
        #expect(prefetch.summary.transferred == 2 && prefetch.summary.failures.isEmpty)
        #expect(try second.read("made.txt") == "ABC\n")
        #expect(!second.exists("used.txt"), "outputs are left to the repro, which restores them")
    }

    @Test func aMissingSourceIsALocatedFailure() throws {
        let remote = try TemporaryDirectory()
        defer { remote.remove() }
        let (first, second) = try Self.projects(remote)
        defer { first.directory.remove(); second.directory.remove() }
        try FileManager.default.removeItem(atPath: second.root + "/source.txt")
        let error = #expect(throws: DiagnosticList.self) {
            try RemoteSync(workspace: second.workspace, remote: nil, jobs: 2).prefetch(Self.singleItem("make"))
        }
        let problem = try #require(error?.diagnostics.first)
        #expect(problem.location?.line == 4)
        #expect(problem.cause == .failure)
        #expect(problem.message.contains("no stage produces it"), "\(problem.message)")
    }

    @Test func theRunCacheFillBringsTheEntryAndItsOutputs() throws {
        let remote = try TemporaryDirectory()
        defer { remote.remove() }
        let (first, second) = try Self.projects(remote)
        defer { first.directory.remove(); second.directory.remove() }
        let sync = try RemoteSync(workspace: second.workspace, remote: nil, jobs: 2)
        let session = try ReproSession(workspace: second.workspace, options: Self.singleItem("make"), useRunCache: true, recording: nil,
                                       binDirectory: nil, runCacheFill: try sync.runCacheFill())
        #expect(try session.run { _ in }.report.stages(.restored) == ["make"])
        #expect(try second.read("made.txt") == "ABC\n")
    }

    @Test func fetchRunCacheKeepsOnlyTheChosenStagesEntries() throws {
        let remote = try TemporaryDirectory()
        defer { remote.remove() }
        let (first, second) = try Self.projects(remote)
        defer { first.directory.remove(); second.directory.remove() }
        let fetched = try RemoteSync(workspace: second.workspace, remote: nil, jobs: 2).fetchRunCache(targets: ["make"])
        #expect(fetched.failures.isEmpty && fetched.transferred == 2, "one entry and its one object: \(fetched)")
        let runCache = RunCache(cache: try second.workspace.cacheStore())
        #expect(runCache.keyedEntries().map(\.entry.commands) == [["tr a-z A-Z < source.txt > made.txt"]])
    }
}
