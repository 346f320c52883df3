import Basics
import ContentStore
import PipelineState
import Testing
import _TestSupport

@Suite struct LockFileTests {
    // Hashes must be well formed to read back (see ContentHash).
    static let fileHash = String(repeating: "ab", count: 32)
    static let directoryHash = String(repeating: "cd", count: 32) + ".dir"

    static let lock = LockFile(stages: [
        "train": LockEntry(
            commands: ["sluice ml train"],
            dependencies: [LockedPath(path: "data/train.csv", fingerprint: .file(hash: fileHash, size: 10))],
            parameters: ["params.yaml": ["train.lr": .double(0.1), "train.depth": .int(6)]],
            outputs: [LockedPath(path: "models", fingerprint: .directory(hash: directoryHash, size: 20, files: 2))]),
        "prepare": LockEntry(commands: ["a", "b"]),
    ])

    @Test func writesDeterministicSortedYAML() {
        #expect(Self.lock.text == """
            schema: "1.0"
            stages:
              prepare:
                cmd:
                  - a
                  - b
              train:
                cmd: sluice ml train
                deps:
                  - path: data/train.csv
                    sha256: \(Self.fileHash)
                    size: 10
                params:
                  params.yaml:
                    train.depth: 6
                    train.lr: 0.1
                outs:
                  - path: models
                    sha256: \(Self.directoryHash)
                    size: 20
                    nfiles: 2

            """)
    }

    @Test func roundTripsThroughTheFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.url("pipeline.lock")
        try Self.lock.write(path: path)
        #expect(try LockFile.read(path: path, displayName: "pipeline.lock") == Self.lock)
    }

    @Test func missingFileIsAnEmptyLock() throws {
        #expect(try LockFile.read(path: "/nonexistent/pipeline.lock", displayName: "pipeline.lock").stages.isEmpty)
    }

    @Test func runCacheKeyIgnoresOutputs() {
        var entry = Self.lock.stages["train"]!
        let key = entry.runCacheKey
        entry.outputs = []
        #expect(entry.runCacheKey == key)
        entry.parameters["params.yaml"]?["train.lr"] = .double(0.2)
        #expect(entry.runCacheKey != key)
    }
}
