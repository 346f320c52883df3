import Basics
import ContentStore
import PipelineState
import Testing
import _TestSupport

/// The lock file a repro keeps up to date: always a whole lock file, the same text as
/// `LockFile.text` of what was recorded once flushed, however the writes were batched.
@Suite struct LockFileWriterTests {
    static let hash = String(repeating: "ab", count: 32)

    static func entry(_ command: String, output: String = "out.txt") -> LockEntry {
        LockEntry(commands: [command], outputs: [LockedPath(path: output, fingerprint: .file(hash: hash, size: 1))])
    }

    static func read(_ path: String) throws -> LockFile { try LockFile.read(path: path, displayName: "pipeline.lock") }

    @Test func theFileIsTheTextOfEverythingRecorded() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.url("pipeline.lock")
        // Entries read from the file, one replaced, new ones before, between and after them.
        let existing = LockFile(stages: ["b": Self.entry("make b"), "d": Self.entry("make d")])
        try existing.write(path: path)
        let writer = LockFileWriter(lock: existing, path: path, spacing: 0)
        var expected = existing
        for (stage, command) in [("c", "make c"), ("d", "make d again"), ("a", "make a"), ("e", "make e"), ("a", "make a again")] {
            try writer.record(Self.entry(command), for: stage)
            expected.stages[stage] = Self.entry(command)
            #expect(try dir.read("pipeline.lock") == expected.text, "after recording \(stage)")
        }
        #expect(writer.lock == expected)
        #expect(writer.entry(for: "d") == Self.entry("make d again"))
    }

    @Test func batchedEntriesWaitInAWholeFileUntilFlushed() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.url("pipeline.lock")
        let before = LockFile(stages: ["old": Self.entry("make old")])
        try before.write(path: path)
        let writer = LockFileWriter(lock: before, path: path, spacing: .infinity)
        for index in 1...50 { try writer.record(Self.entry("make \(index)"), for: "s\(index)") }
        // Not written yet: the file is still the complete lock it was.
        #expect(try Self.read(path) == before)
        try writer.flush()
        let after = try Self.read(path)
        #expect(after.stages.count == 51)
        #expect(after == writer.lock)
        #expect(try dir.read("pipeline.lock") == writer.lock.text)
    }

    @Test func oddStageNamesKeepTheirPlaceAndReadBack() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.url("pipeline.lock")
        let writer = LockFileWriter(lock: LockFile(), path: path, spacing: 0)
        // Quoted keys, and a key too long for an implicit key (written as `? key`).
        let names = ["plain", "with: colon", "#hash", "- dash", String(repeating: "long", count: 300), "ünïcode", "@at"]
        for name in names { try writer.record(Self.entry("echo '\(name)'\nsecond line"), for: name) }
        let read = try Self.read(path)
        #expect(read == writer.lock)
        #expect(try dir.read("pipeline.lock") == LockFile(stages: writer.lock.stages).text)
    }
}
