import Basics
import ContentStore
import Foundation
import Testing
import _TestSupport

@Suite struct FingerprinterTests {
    @Test func fileFingerprintIsItsSHA256AndSize() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("a.txt", "abc")
        let fingerprinter = Fingerprinter(root: dir.path, statCachePath: nil)
        #expect(try fingerprinter.fingerprint("a.txt")
            == .file(hash: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", size: 3))
        #expect(try fingerprinter.fingerprint("nope.txt") == .missing)
    }

    @Test func directoryHashDependsOnNamesAndContentsOnly() throws {
        let one = try TemporaryDirectory(), two = try TemporaryDirectory()
        defer { one.remove(); two.remove() }
        // Written in different orders: the manifest is sorted, so the hash is equal.
        try one.write("d/b.txt", "2"); try one.write("d/sub/a.txt", "1")
        try two.write("d/sub/a.txt", "1"); try two.write("d/b.txt", "2")
        let first = try Fingerprinter(root: one.path, statCachePath: nil).fingerprint("d")
        #expect(first == (try Fingerprinter(root: two.path, statCachePath: nil).fingerprint("d")))
        guard case .directory(let hash, let size, let files) = first else {
            Issue.record("expected a directory fingerprint")
            return
        }
        #expect(hash.hasSuffix(".dir") && size == 2 && files == 2)
        try two.write("d/sub/a.txt", "9")
        #expect(first != (try Fingerprinter(root: two.path, statCachePath: nil).fingerprint("d")))
    }

    @Test func manifestListsRelativePathsSorted() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("d/z.txt", "z"); try dir.write("d/a/b.txt", "b")
        let manifest = try Fingerprinter(root: dir.path, statCachePath: nil).manifest(ofDirectory: "d")
        #expect(manifest.map(\.relativePath) == ["a/b.txt", "z.txt"])
    }

    @Test func statCacheRemembersHashesAcrossInstances() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("a.txt", "abc")
        let cachePath = dir.url(".sluice/stat-cache")
        let first = Fingerprinter(root: dir.path, statCachePath: cachePath)
        let expected = try first.fingerprint("a.txt")
        try first.save()
        #expect(FileManager.default.fileExists(atPath: cachePath))
        // Same stat, so the second instance answers from the cache: prove it by
        // corrupting the cached hash and seeing it come back unread.
        let text = try String(contentsOfFile: cachePath, encoding: .utf8)
        let forged = text.replacingOccurrences(of: expected.hash ?? "", with: String(repeating: "0", count: 64))
        try forged.write(toFile: cachePath, atomically: true, encoding: .utf8)
        let second = Fingerprinter(root: dir.path, statCachePath: cachePath)
        #expect(try second.fingerprint("a.txt") == .file(hash: String(repeating: "0", count: 64), size: 3))
    }

    @Test func changedBytesAreNoticedDespiteTheCache() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("a.txt", "abc")
        let fingerprinter = Fingerprinter(root: dir.path, statCachePath: dir.url(".sluice/stat-cache"))
        let before = try fingerprinter.fingerprint("a.txt")
        try dir.write("a.txt", "abcd")
        #expect(try fingerprinter.fingerprint("a.txt") != before)
    }

    @Test func touchingAFileKeepsItsFingerprint() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("a.txt", "abc")
        let fingerprinter = Fingerprinter(root: dir.path, statCachePath: dir.url(".sluice/stat-cache"))
        let before = try fingerprinter.fingerprint("a.txt")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: path)
        #expect(try fingerprinter.fingerprint("a.txt") == before)
    }
}
