import Basics
import ContentStore
import Foundation
import Testing
import _TestSupport
@testable import Remote

/// Files of the cache that are not named by their hash (run-cache entries), moved under
/// the same key, and kept only when the caller accepts their content.
@Suite struct ObjectTransferFilesTests {
    static let key = "runs/ab/" + String(repeating: "c", count: 62)

    @Test func pushedFilesArePulledUnderTheirKeyWhenAccepted() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let cache = CacheStore(directory: root.path + "/cache")
        try FileManager.default.createDirectory(atPath: root.path + "/cache/runs/ab", withIntermediateDirectories: true)
        try "entry\n".write(toFile: root.path + "/cache/" + Self.key, atomically: true, encoding: .utf8)
        let remote = try ObjectTransferTests.directoryRemote(root)
        let transfer = ObjectTransfer(cache: cache, remote: remote)
        #expect(transfer.pushFiles([Self.key], present: []).transferred == 1)
        #expect(try transfer.remoteKeys(under: "runs/") == [Self.key])
        #expect(transfer.pushFiles([Self.key], present: [Self.key]) == ObjectTransfer.Summary(transferred: 0, skipped: 1))

        let other = ObjectTransfer(cache: CacheStore(directory: root.path + "/other"), remote: remote)
        let dropped = other.pullFiles([Self.key]) { _, _ in .drop }
        #expect(dropped == ObjectTransfer.Summary(transferred: 0, skipped: 1))
        #expect(!FileManager.default.fileExists(atPath: root.path + "/other/" + Self.key))
        let damaged = other.pullFiles([Self.key]) { _, _ in .damaged }
        #expect(damaged.failures.first?.message.contains("does not match its name") == true)
        #expect(!FileManager.default.fileExists(atPath: root.path + "/other/" + Self.key))
        let kept = other.pullFiles([Self.key]) { file, key in
            (try? String(contentsOfFile: file, encoding: .utf8)) == "entry\n" && key == Self.key ? .keep : .damaged
        }
        #expect(kept.transferred == 1)
        #expect(try String(contentsOfFile: root.path + "/other/" + Self.key, encoding: .utf8) == "entry\n")
        let folder = try FileManager.default.contentsOfDirectory(atPath: root.path + "/other/runs/ab")
        #expect(folder.count == 1, "no temporary file is left behind: \(folder)")
    }

    @Test(arguments: ["../escape", "runs/../../x", "/etc/passwd", "runs//x", "runs/ab/.tmp-1"])
    func keysThatCouldLeaveTheCacheAreNeverFetched(key: String) throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let transfer = ObjectTransfer(cache: CacheStore(directory: root.path + "/cache"), remote: try ObjectTransferTests.directoryRemote(root))
        #expect(!ObjectTransfer.isPlainKey(key))
        #expect(transfer.pullFiles([key]) { _, _ in .keep } == ObjectTransfer.Summary(transferred: 0, skipped: 1))
    }
}
