import Basics
import ContentStore
import Foundation
import Pipeline
import PipelineEngine
import PipelineState
import Testing
import _TestSupport

/// Paths outside the project root: dependencies are read and hashed, outputs are refused.
@Suite struct ExternalPathTests {
    static let here = SourceLocation(file: "sub/pipeline.yaml", line: 4, column: 12)

    @Test func reproRefusesAnOutputOutsideTheRootBeforeRunningAnything() throws {
        let dir = try TemporaryDirectory(prefix: "sluice-external")
        let outside = try TemporaryDirectory(prefix: "sluice-outside")
        defer { dir.remove(); outside.remove() }
        try dir.write("sub/pipeline.yaml", "")
        let first = StageSpec(name: "first", file: "sub/pipeline.yaml", commands: ["echo ran > first.txt"],
                              outputs: [OutputSpec(declaredPath: "first.txt", path: "first.txt", location: Self.here)], location: Self.here)
        let export = StageSpec(
            name: "export", file: "sub/pipeline.yaml", commands: ["echo ran > \(outside.url("out.txt"))"],
            outputs: [OutputSpec(declaredPath: "../../out.txt", path: outside.url("out.txt"), location: Self.here)], location: Self.here)
        let pipeline = Pipeline(displayName: "sub/pipeline.yaml", root: dir.path, stages: [first, export])
        let reproducer = Reproducer(pipeline: pipeline, locks: LockSet(), fingerprinter: Fingerprinter(root: dir.path, statCachePath: nil),
                                    logDirectory: dir.url(".sluice/logs"))
        let error = #expect(throws: DiagnosticList.self) { try reproducer.run(ReproOptions()) { _ in } }
        #expect(error?.diagnostics.map(\.location) == [Self.here])
        #expect(error?.diagnostics.first?.message.hasPrefix("output '../../out.txt' of stage 'sub/pipeline.yaml:export' is outside the project root") == true)
        #expect(!FileManager.default.fileExists(atPath: dir.url("first.txt")) && !FileManager.default.fileExists(atPath: outside.url("out.txt")))
        // A target that does not reach the stage runs.
        var options = ReproOptions()
        options.targets = ["sub/pipeline.yaml:first"]
        #expect(try reproducer.run(options) { _ in }.stages(.executed) == ["sub/pipeline.yaml:first"])
        #expect(FileManager.default.fileExists(atPath: dir.url("sub/pipeline.lock")))
    }

    @Test func statusHashesAnExternalDependencyAndMarksItsReasons() throws {
        let dir = try TemporaryDirectory(prefix: "sluice-external")
        let outside = try TemporaryDirectory(prefix: "sluice-outside")
        defer { dir.remove(); outside.remove() }
        try outside.write("in.txt", "one")
        let dependency = DependencySpec(declaredPath: "../in.txt", path: outside.url("in.txt"), location: Self.here)
        let stage = StageSpec(name: "read", commands: ["true"], dependencies: [dependency], location: Self.here)
        let pipeline = Pipeline(displayName: "pipeline.yaml", root: dir.path, stages: [stage])
        let fingerprinter = Fingerprinter(root: dir.path, statCachePath: nil)
        let recorded = LockEntry(commands: ["true"], dependencies: [
            LockedPath(path: "../in.txt", fingerprint: try fingerprinter.fingerprint(outside.url("in.txt"))),
        ])
        let locks = LockSet(files: ["pipeline.lock": LockFile(stages: ["read": recorded])])
        let planner = StatusPlanner(pipeline: pipeline, locks: locks, fingerprinter: fingerprinter)
        #expect(try planner.status().allSatisfy { $0.reasons.isEmpty })
        try outside.write("in.txt", "two")
        let entry = try #require(try planner.status().first)
        #expect(entry.reasons == [.dependencyModified(path: "../in.txt")])
        #expect(entry.isExternal(entry.reasons[0]))
    }
}
