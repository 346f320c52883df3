import Basics
import ContentStore
import Foundation
import Pipeline
@testable import PipelineEngine
import PipelineState
import Testing
import _TestSupport

/// The engine deletes a stage's outputs before running it, and replaces them on a
/// restore: only declared outputs strictly inside the project, never the project's
/// own files, and never through a symlink that leads elsewhere.
@Suite struct OutputDeletionTests {
    static let here = SourceLocation(file: "pipeline.yaml", line: 2, column: 3)

    /// Runs a one-stage pipeline (built directly, as the loader would refuse some of
    /// these outputs up front) whose command writes `marker`, and returns the outcome.
    static func run(outs: [String], workingDirectory: String = ".", in dir: TemporaryDirectory) throws -> StageOutcome {
        let stage = StageSpec(
            name: "build", commands: ["echo ran > marker"], workingDirectory: workingDirectory,
            outputs: outs.map { OutputSpec(declaredPath: $0, path: $0, location: here) }, location: here)
        let pipeline = Pipeline(displayName: "pipeline.yaml", root: dir.path, stages: [stage])
        let reproducer = Reproducer(
            pipeline: pipeline, locks: LockSet(),
            fingerprinter: Fingerprinter(root: dir.path, statCachePath: nil), logDirectory: dir.url(".sluice/logs"))
        let report = try reproducer.run(ReproOptions()) { _ in }
        return try #require(report.outcomes.first)
    }

    static func project() throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory(prefix: "sluice-output-deletion")
        try dir.write(".git/HEAD", "ref: refs/heads/main\n")
        try dir.write(".sluice/cache/files/sha256/00/keep", "object")
        try dir.write("runs/20260101-000000-abcd/run.json", "{}")
        try dir.write("pipeline.yaml", "stages: {}\n")
        try dir.write("pipeline.lock", "schema: '1.0'\n")
        try dir.write("params.yaml", "a: 1\n")
        return dir
    }

    @Test(arguments: [".git", ".git/HEAD", ".sluice", ".sluice/cache", "runs", "runs/20260101-000000-abcd",
                      "pipeline.yaml", "pipeline.lock", "params.yaml", "dvc.yaml"])
    func projectFilesAreNeverDeleted(output: String) throws {
        let dir = try Self.project()
        defer { dir.remove() }
        let outcome = try Self.run(outs: [output], in: dir)
        #expect(outcome.action == .failed)
        #expect(outcome.message?.contains("refusing to delete output '\(output)' of stage 'build'") == true)
        #expect(!FileManager.default.fileExists(atPath: dir.url("marker")), "the stage must not run")
        for file in [".git/HEAD", ".sluice/cache/files/sha256/00/keep", "runs/20260101-000000-abcd/run.json",
                     "pipeline.yaml", "pipeline.lock", "params.yaml"] {
            #expect(FileManager.default.fileExists(atPath: dir.url(file)), "\(file) was deleted")
        }
    }

    @Test func theProjectRootIsNeverDeleted() throws {
        let dir = try Self.project()
        defer { dir.remove() }
        let outcome = try Self.run(outs: ["."], in: dir)
        #expect(outcome.action == .failed)
        #expect(outcome.message?.contains("refusing to delete output '.'") == true)
        #expect(FileManager.default.fileExists(atPath: dir.url("pipeline.yaml")))
    }

    /// Paths the loader would have normalized away or refused are refused by the guard too.
    @Test(arguments: ["..", "../outside", "a/../..", "/etc", "", "a//b", "./a"])
    func pathsNotStrictlyInsideTheProjectAreRefused(output: String) throws {
        let dir = try Self.project()
        defer { dir.remove() }
        let spec = OutputSpec(declaredPath: output, path: output, location: Self.here)
        let stage = StageSpec(name: "build", commands: ["true"], outputs: [spec], location: Self.here)
        let outputGuard = OutputGuard(pipeline: Pipeline(displayName: "pipeline.yaml", root: dir.path, stages: [stage]))
        #expect(throws: OutputGuard.Refusal.self) { try outputGuard.check(spec, of: "build") }
        // Only what the pipeline declares may go.
        let undeclared = OutputSpec(declaredPath: "other", path: "other", location: Self.here)
        #expect(throws: OutputGuard.Refusal.self) { try outputGuard.check(undeclared, of: "build") }
    }

    @Test func outputBehindASymlinkLeadingOutOfTheProjectIsNotDeleted() throws {
        let dir = try Self.project()
        let outside = try TemporaryDirectory(prefix: "sluice-outside")
        defer { dir.remove(); outside.remove() }
        try outside.write("model.txt", "precious")
        try FileManager.default.createSymbolicLink(atPath: dir.url("out"), withDestinationPath: outside.path)
        let outcome = try Self.run(outs: ["out/model.txt"], in: dir)
        #expect(outcome.action == .failed)
        #expect(outcome.message?.contains("leads outside the project") == true)
        #expect(try outside.read("model.txt") == "precious")
    }

    @Test func outputBehindASymlinkToProjectFilesIsNotDeleted() throws {
        let dir = try Self.project()
        defer { dir.remove() }
        try FileManager.default.createSymbolicLink(atPath: dir.url("meta"), withDestinationPath: ".git")
        let outcome = try Self.run(outs: ["meta/HEAD"], in: dir)
        #expect(outcome.action == .failed)
        #expect(outcome.message?.contains("leads to '.git'") == true, "\(outcome.message ?? "")")
        #expect(FileManager.default.fileExists(atPath: dir.url(".git/HEAD")))
    }

    @Test func ordinaryOutputsAreDeletedBeforeTheStageRuns() throws {
        let dir = try Self.project()
        defer { dir.remove() }
        try dir.write("out/stale.txt", "old")
        // A symlink output is unlinked, never followed.
        let outside = try TemporaryDirectory(prefix: "sluice-outside")
        defer { outside.remove() }
        try outside.write("target.txt", "precious")
        try FileManager.default.createSymbolicLink(atPath: dir.url("link.txt"), withDestinationPath: outside.url("target.txt"))
        let outcome = try Self.run(outs: ["out", "link.txt", "marker"], in: dir)
        #expect(outcome.action == .failed)  // the command writes neither out nor link.txt
        #expect(outcome.message == "output 'out' does not exist after the stage ran")
        #expect(!FileManager.default.fileExists(atPath: dir.url("out/stale.txt")))
        #expect(FileStat.read(dir.url("link.txt")) == nil)
        #expect(try outside.read("target.txt") == "precious")
        #expect(try dir.read("marker") == "ran\n")
    }

    @Test func missingWorkingDirectoryNamesTheStageAndItsWdir() throws {
        let dir = try Self.project()
        defer { dir.remove() }
        try dir.write("marker", "kept")
        let outcome = try Self.run(outs: ["marker"], workingDirectory: "src/missing", in: dir)
        #expect(outcome.action == .failed)
        let message = try #require(outcome.message)
        #expect(message.contains("working directory 'src/missing' of stage 'build'"))
        #expect(message.contains("does not exist"))
        #expect(message.contains("pipeline.yaml:2:3"))
        #expect(!message.contains("NSFilePath") && !message.contains("/bin/sh"))
        #expect(try dir.read("marker") == "kept", "outputs are not deleted when the stage cannot start")
    }

    @Test func workingDirectoryThatIsAFileIsNamed() throws {
        let dir = try Self.project()
        defer { dir.remove() }
        try dir.write("src", "a file")
        let outcome = try Self.run(outs: [], workingDirectory: "src", in: dir)
        #expect(outcome.action == .failed)
        #expect(outcome.message?.contains("working directory 'src' of stage 'build'") == true)
        #expect(outcome.message?.contains("is not a folder") == true)
    }
}
