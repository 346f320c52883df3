import Basics
import ContentStore
import Foundation
import PipelineState
import Testing
import _TestSupport

/// One lock file per pipeline file, beside it, each keyed by bare stage name.
@Suite struct LockSetTests {
    @Test(arguments: [
        ("pipeline.yaml", "pipeline.lock"), ("dvc.yaml", "dvc.lock"), ("sub/dir/dvc.yaml", "sub/dir/dvc.lock"),
        ("exp.yml", "exp.lock"), ("a.b/pipeline.yaml", "a.b/pipeline.lock"),
    ])
    func theLockFileLiesBesideItsPipelineFile(pipelineFile: String, lockFile: String) {
        #expect(LockSet.lockPath(forPipelineFile: pipelineFile) == lockFile)
    }

    @Test func recordsAndWritesOnlyTheLockFileOfTheStage() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("a/pipeline.lock", LockFile(stages: ["make": LockEntry(commands: ["old"])]).text)
        try dir.write("b/pipeline.yaml", "stages: {}\n")
        let locks = try LockSet.read(root: dir.path, paths: ["pipeline.lock", "a/pipeline.lock", "b/pipeline.lock"])
        #expect(locks.entry(lock: "a/pipeline.lock", stage: "make")?.commands == ["old"])
        #expect(locks.entry(lock: "b/pipeline.lock", stage: "make") == nil)

        let writer = LockSetWriter(locks: locks, lockPaths: ["c/pipeline.lock"], root: dir.path)
        try writer.record(LockEntry(commands: ["new"]), lock: "b/pipeline.lock", stage: "make")
        try writer.flush()
        #expect(writer.entry(lock: "b/pipeline.lock", stage: "make")?.commands == ["new"])
        #expect(try LockFile.read(path: dir.url("b/pipeline.lock"), displayName: "b/pipeline.lock").stages["make"]?.commands == ["new"])
        #expect(try LockFile.read(path: dir.url("a/pipeline.lock"), displayName: "a/pipeline.lock").stages["make"]?.commands == ["old"])
        #expect(!FileManager.default.fileExists(atPath: dir.url("pipeline.lock")))
        // A lock path given beside the set starts empty; one never named is refused, not created.
        #expect(writer.entry(lock: "c/pipeline.lock", stage: "make") == nil)
        #expect(writer.locks.files.keys.sorted() == ["a/pipeline.lock", "b/pipeline.lock", "c/pipeline.lock", "pipeline.lock"])
        #expect(throws: Diagnostic.self) { try writer.record(LockEntry(commands: ["x"]), lock: "d/pipeline.lock", stage: "make") }
    }

    @Test func mergedKeysEveryEntryByItsAddress() {
        let locks = LockSet(files: [
            "pipeline.lock": LockFile(stages: ["report": LockEntry(commands: ["r"])]),
            "a/pipeline.lock": LockFile(stages: ["make": LockEntry(commands: ["m"])]),
        ])
        let merged = locks.merged { lock, name in lock == "pipeline.lock" ? name : lock + ":" + name }
        #expect(merged.stages.keys.sorted() == ["a/pipeline.lock:make", "report"])
    }
}
