import Basics
import ContentStore
import Foundation
import PipelineState
import Testing
import _TestSupport

/// Hashes read from pipeline.lock and from run-cache entries are checked before they
/// can name a cache path; the run-cache is never walked through a symlink.
@Suite struct LockSafetyTests {
    static let fileHash = String(repeating: "0123456789abcdef", count: 4)

    /// A lock file whose one output has `fields` (lines after `path:`), from line 7 on.
    static func lock(outs fields: [String]) -> String {
        """
        schema: "1.0"
        stages:
          train:
            cmd: make model
            outs:
              - path: model.txt

        """ + fields.map { "        " + $0 + "\n" }.joined()
    }

    @Test(arguments: [
        ["sha256: ../../../../outside.txt", "size: 6"],
        ["sha256: \(fileHash.uppercased())", "size: 6"],
        ["sha256: \(fileHash.dropLast())", "size: 6"],
        ["sha256: \(fileHash).dir", "size: 6"],  // a directory hash for a file
        ["sha256: \(fileHash)", "size: 6", "nfiles: 2"],  // a file hash for a directory
        ["sha256: \"\(fileHash.dropLast())\\u0000\""],
    ])
    func malformedHashIsALocatedError(outs: [String]) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("pipeline.lock", Self.lock(outs: outs))
        do {
            _ = try LockFile.read(path: path, displayName: "pipeline.lock")
            Issue.record("a malformed hash was accepted")
        } catch let diagnostic as Diagnostic {
            #expect(diagnostic.location == SourceLocation(file: "pipeline.lock", line: 7, column: 17))
            #expect(diagnostic.message.contains("is not a content hash"))
            #expect(diagnostic.message.contains("'outs' entry 'model.txt'"))
        }
    }

    @Test func malformedEntryIsLocatedAtTheEntry() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("pipeline.lock", Self.lock(outs: ["sha256: [1, 2]"]))
        do {
            _ = try LockFile.read(path: path, displayName: "pipeline.lock")
            Issue.record("a list as sha256 was accepted")
        } catch let diagnostic as Diagnostic {
            #expect(diagnostic.location == SourceLocation(file: "pipeline.lock", line: 6, column: 9))
            #expect(diagnostic.message.contains("malformed entry in 'outs'"))
        }
    }

    @Test func aDamagedEntryAmongManyIsLocatedAtItsOwnStage() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        // 200 stages, read through the lookup of stage nodes by name; the last one is damaged.
        var text = "schema: \"1.0\"\nstages:\n"
        for index in 0..<199 { text += "  s\(index):\n    cmd: make \(index)\n" }
        text += "  z:\n    cmd: make z\n    outs:\n      - path: model.txt\n        sha256: nothex\n"
        let path = try dir.write("pipeline.lock", text)
        do {
            _ = try LockFile.read(path: path, displayName: "pipeline.lock")
            Issue.record("a malformed hash was accepted")
        } catch let diagnostic as Diagnostic {
            #expect(diagnostic.location == SourceLocation(file: "pipeline.lock", line: 405, column: 17))
            #expect(diagnostic.message.contains("stage 'z'"))
        }
    }

    @Test func wellFormedHashesReadBack() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("pipeline.lock", Self.lock(outs: ["sha256: \(Self.fileHash)", "size: 6"]))
        let entry = try #require(try LockFile.read(path: path, displayName: "pipeline.lock").stages["train"])
        #expect(entry.outputs == [LockedPath(path: "model.txt", fingerprint: .file(hash: Self.fileHash, size: 6))])
    }

    /// A project cache with one cached object, and the lock entry that recorded it.
    struct CachedRun {
        let dir: TemporaryDirectory
        let cache: CacheStore
        let key: LockEntry
        let recorded: LockEntry

        init() throws {
            dir = try TemporaryDirectory()
            try dir.write("model.txt", "model")
            cache = CacheStore(directory: dir.url(".sluice/cache"))
            let fingerprint = try Fingerprinter(root: dir.path, statCachePath: nil).fingerprint("model.txt")
            try cache.save(dir.url("model.txt"), fingerprint: fingerprint)
            key = LockEntry(commands: ["make model"])
            recorded = LockEntry(commands: ["make model"], outputs: [LockedPath(path: "model.txt", fingerprint: fingerprint)])
        }

        /// Where the run-cache keeps executions with `key`'s key.
        var entryPath: String {
            let hex = SHA256.hash(Array(key.runCacheKey.utf8)).hex
            return cache.directory + "/runs/" + hex.prefix(2) + "/" + hex.dropFirst(2)
        }
    }

    @Test func runCacheEntryWithAMalformedHashIsAMiss() throws {
        let setup = try CachedRun()
        defer { setup.dir.remove() }
        let runCache = RunCache(cache: setup.cache)
        try runCache.record(setup.recorded)
        #expect(runCache.lookup(setup.key) == setup.recorded)
        let text = try String(contentsOfFile: setup.entryPath, encoding: .utf8)
        let forged = text.replacingOccurrences(of: setup.recorded.outputs[0].fingerprint.hash ?? "", with: "../../../../outside.txt")
        #expect(forged != text)
        try forged.write(toFile: setup.entryPath, atomically: true, encoding: .utf8)
        #expect(runCache.lookup(setup.key) == nil)
        #expect(runCache.allEntries().isEmpty)
    }

    @Test func runCacheWalkNeverFollowsSymlinks() throws {
        let setup = try CachedRun()
        defer { setup.dir.remove() }
        let outside = try TemporaryDirectory()
        defer { outside.remove() }
        let runCache = RunCache(cache: setup.cache)
        try runCache.record(setup.recorded)
        // A valid entry outside the cache, reachable through a symlinked prefix folder and a symlinked entry.
        let text = try String(contentsOfFile: setup.entryPath, encoding: .utf8)
        try outside.write("zz/" + String(repeating: "e", count: 62), text)
        try FileManager.default.createSymbolicLink(atPath: runCache.directory + "/zz", withDestinationPath: outside.url("zz"))
        let linkedEntry = (setup.entryPath as NSString).deletingLastPathComponent + "/" + String(repeating: "f", count: 62)
        try FileManager.default.createSymbolicLink(atPath: linkedEntry, withDestinationPath: outside.url("zz/" + String(repeating: "e", count: 62)))
        let entries = runCache.allEntries()
        #expect(entries.map(\.path) == [setup.entryPath])
        // Removal takes only regular files inside the run-cache.
        #expect(throws: (any Error).self) { try runCache.remove(path: linkedEntry) }
        #expect(throws: (any Error).self) { try runCache.remove(path: outside.url("zz/" + String(repeating: "e", count: 62))) }
        #expect(FileManager.default.fileExists(atPath: outside.url("zz/" + String(repeating: "e", count: 62))))
        try runCache.remove(path: setup.entryPath)
        #expect(runCache.allEntries().isEmpty)
    }

    @Test func runCacheEntryPlantedAsASymlinkIsNotRead() throws {
        let setup = try CachedRun()
        defer { setup.dir.remove() }
        let outside = try TemporaryDirectory()
        defer { outside.remove() }
        let runCache = RunCache(cache: setup.cache)
        try runCache.record(setup.recorded)
        let text = try String(contentsOfFile: setup.entryPath, encoding: .utf8)
        try outside.write("entry", text)
        try FileManager.default.removeItem(atPath: setup.entryPath)
        try FileManager.default.createSymbolicLink(atPath: setup.entryPath, withDestinationPath: outside.url("entry"))
        #expect(runCache.lookup(setup.key) == nil)
        // Recording again replaces the link with a file; what it pointed to is untouched.
        try runCache.record(setup.recorded)
        #expect(FileStat.read(setup.entryPath)?.kind == .file)
        #expect(try outside.read("entry") == text)
    }
}
