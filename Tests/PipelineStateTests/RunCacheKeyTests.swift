import Basics
import ContentStore
import Foundation
import PipelineState
import Testing
import _TestSupport

/// Run-cache entries named as a remote names them, and checked when they come back.
@Suite struct RunCacheKeyTests {
    static let hash = String(repeating: "a", count: 64)
    static let entry = LockEntry(commands: ["echo x > x.txt"], dependencies: [LockedPath(path: "in.txt", fingerprint: .file(hash: hash, size: 2))],
                                 outputs: [LockedPath(path: "x.txt", fingerprint: .file(hash: String(repeating: "b", count: 64), size: 2))])

    @Test func theKeyIsTheEntryFilePathUnderTheCache() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let runCache = RunCache(cache: CacheStore(directory: dir.path))
        try runCache.record(Self.entry)
        let key = RunCache.key(for: Self.entry)
        #expect(RunCache.isEntryKey(key))
        #expect(FileManager.default.fileExists(atPath: dir.path + "/" + key))
        #expect(runCache.keyedEntries().map(\.key) == [key])
        #expect(RunCache.verifiedEntry(at: dir.path + "/" + key, key: key) == Self.entry)
        #expect(runCache.stored(Self.entry) == Self.entry, "stored even though its output is not cached")
        #expect(runCache.lookup(Self.entry) == nil)
    }

    @Test func anEntryUnderAnotherKeyIsRefused() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try RunCache(cache: CacheStore(directory: dir.path)).record(Self.entry)
        let key = RunCache.key(for: Self.entry)
        var other = Self.entry
        other.commands = ["echo y > x.txt"]
        #expect(RunCache.verifiedEntry(at: dir.path + "/" + key, key: RunCache.key(for: other)) == nil)
        try "not json".write(toFile: dir.path + "/" + key, atomically: true, encoding: .utf8)
        #expect(RunCache.verifiedEntry(at: dir.path + "/" + key, key: key) == nil)
    }

    @Test(arguments: ["runs/ab/" + String(repeating: "c", count: 61), "runs/AB/" + String(repeating: "c", count: 62),
                      "files/ab/" + String(repeating: "c", count: 62), "runs/ab/../" + String(repeating: "c", count: 59)])
    func malformedKeysAreNotEntryKeys(key: String) {
        #expect(!RunCache.isEntryKey(key))
    }
}
