import Basics
import ContentStore
import Foundation
import Synchronization
import Testing
import _TestSupport
@testable import Remote

/// Push and pull through every kind of remote the tests can make here (S3 needs a
/// server: .ci/run tests it against moto).
@Suite struct ObjectTransferTests {
    /// A local cache holding one file object and a two-file directory; returns the hashes.
    static func filledCache(_ root: TemporaryDirectory) throws -> (cache: CacheStore, file: String, directory: String, all: [String]) {
        let cache = CacheStore(directory: root.path + "/cache")
        func put(_ text: String) throws -> String {
            let hash = SHA256.hash(Array(text.utf8)).hex
            let path = try cache.objectPath(hash)
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return hash
        }
        let file = try put("model weights\n")
        let a = try put("a,b\n1,2\n"), b = try put("c\n3\n")
        let manifest = Manifest.encode([ManifestEntry(relativePath: "a.csv", hash: a, size: 8), ManifestEntry(relativePath: "sub/b.csv", hash: b, size: 4)])
        let directory = SHA256.hash(Array(manifest.utf8)).hex + ".dir"
        let path = try cache.objectPath(directory)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try manifest.write(toFile: path, atomically: true, encoding: .utf8)
        return (cache, file, directory, [file, directory, a, b])
    }

    static func directoryRemote(_ root: TemporaryDirectory) throws -> any RemoteStorage {
        try FileManager.default.createDirectory(atPath: root.path + "/remote", withIntermediateDirectories: true)
        return DirectoryRemote(directory: root.path + "/remote", displayName: "shared (\(root.path)/remote)")
    }

    @Test func pushThenPullIntoAnEmptyCacheBringsEveryObject() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let (cache, file, directory, all) = try Self.filledCache(root)
        let remote = try Self.directoryRemote(root)
        let pushed = try ObjectTransfer(cache: cache, remote: remote, jobs: 2).push([file, directory])
        #expect(pushed == ObjectTransfer.Summary(transferred: 4, skipped: 0, failures: []))
        #expect(try remote.keys(under: "files/sha256/") == Set(all.map(ObjectTransfer.key)))
        // A second push finds everything there.
        #expect(try ObjectTransfer(cache: cache, remote: remote).push([file, directory]) == ObjectTransfer.Summary(transferred: 0, skipped: 4))

        let other = CacheStore(directory: root.path + "/other-cache")
        let pulled = try ObjectTransfer(cache: other, remote: remote, jobs: 2).pull([directory, file])
        #expect(pulled.transferred == 4 && pulled.failures.isEmpty)
        for hash in all {
            #expect(try Data(contentsOf: URL(fileURLWithPath: other.objectPath(hash))) == Data(contentsOf: URL(fileURLWithPath: cache.objectPath(hash))))
        }
        #expect(try ObjectTransfer(cache: other, remote: remote).pull([directory, file]).transferred == 0)
    }

    @Test func aDamagedRemoteObjectIsRefusedAndNotKept() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let (cache, file, _, _) = try Self.filledCache(root)
        let remote = try Self.directoryRemote(root)
        _ = try ObjectTransfer(cache: cache, remote: remote).push([file])
        try "tampered\n".write(toFile: root.path + "/remote/" + ObjectTransfer.key(file), atomically: true, encoding: .utf8)
        let other = CacheStore(directory: root.path + "/other-cache")
        let pulled = try ObjectTransfer(cache: other, remote: remote).pull([file])
        #expect(pulled.transferred == 0)
        #expect(pulled.failures.map(\.key) == [ObjectTransfer.key(file)])
        #expect(pulled.failures.first?.message.hasPrefix("its content does not match its name") == true)
        #expect(!FileManager.default.fileExists(atPath: try other.objectPath(file)))
        let folder = ((try other.objectPath(file)) as NSString).deletingLastPathComponent
        #expect((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] == [])
    }

    @Test func anObjectTheRemoteLacksIsNamed() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let (_, file, _, _) = try Self.filledCache(root)
        let remote = try Self.directoryRemote(root)
        let pulled = try ObjectTransfer(cache: CacheStore(directory: root.path + "/other-cache"), remote: remote).pull([file])
        #expect(pulled.failures == [RemoteError(remote: remote.displayName, key: ObjectTransfer.key(file), "it is not in the remote",
                                                hint: "push it from the machine that has it ('sluice push')")])
    }

    @Test func aMissingRemoteDirectoryIsAClearError() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let remote = DirectoryRemote(directory: root.path + "/nowhere", displayName: "shared")
        #expect(throws: RemoteError.self) { try remote.keys(under: "files/sha256/") }
        do {
            _ = try remote.keys(under: "files/sha256/")
        } catch {
            #expect(error.description == "remote shared: the directory \(root.path)/nowhere does not exist")
        }
    }
}

/// What a transfer reports while it runs.
@Suite struct TransferProgressTests {
    /// Every report of a transfer, in order.
    final class Recorder: Sendable {
        let reports = Mutex<[TransferProgress]>([])
        func record(_ progress: TransferProgress) { reports.withLock { $0.append(progress) } }
    }

    @Test func pushAndPullCountEveryObjectAndByte() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let (cache, file, directory, _) = try ObjectTransferTests.filledCache(root)
        let remote = try ObjectTransferTests.directoryRemote(root)
        let pushed = Recorder()
        _ = try ObjectTransfer(cache: cache, remote: remote, jobs: 2).push([file, directory], progress: pushed.record)
        let manifest = try Int64(Data(contentsOf: URL(fileURLWithPath: cache.objectPath(directory))).count)
        let bytes = 14 + 8 + 4 + manifest
        var expected = TransferProgress(objectsTotal: 4, bytesTotal: bytes)
        #expect(pushed.reports.withLock { $0.first } == expected)
        expected.objectsDone = 4
        expected.bytesDone = bytes
        #expect(pushed.reports.withLock { $0.last } == expected)
        #expect(pushed.reports.withLock { $0.count } == 5)

        let pulled = Recorder()
        _ = try ObjectTransfer(cache: CacheStore(directory: root.path + "/other"), remote: remote, jobs: 2).pull([file, directory], progress: pulled.record)
        expected.bytesTotal = nil
        #expect(pulled.reports.withLock { $0.last } == expected)
    }
}
