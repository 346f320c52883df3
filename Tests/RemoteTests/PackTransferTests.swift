import Basics
import ContentStore
import Foundation
import Synchronization
import Testing
import _TestSupport
@testable import Remote

/// Many small objects travel as packs: fewer requests, the same objects on arrival.
@Suite struct PackTransferTests {
    /// A cache holding a directory of `count` small files (the first one empty); returns
    /// the directory's hash and its files' hashes in order.
    static func manyFiles(_ root: TemporaryDirectory, count: Int = 40) throws -> (cache: CacheStore, directory: String, files: [String]) {
        let cache = CacheStore(directory: root.path + "/cache")
        func put(_ bytes: [UInt8]) throws -> String {
            let hash = SHA256.hash(bytes).hex
            let path = try cache.objectPath(hash)
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return hash
        }
        var entries: [ManifestEntry] = [], files: [String] = []
        for number in 0..<count {
            let bytes = number == 0 ? [] : Array("file \(number)\n".utf8) + [UInt8](repeating: UInt8(number), count: 100 * number)
            let hash = try put(bytes)
            files.append(hash)
            entries.append(ManifestEntry(relativePath: "f\(number).bin", hash: hash, size: Int64(bytes.count)))
        }
        let directory = try put(Array(Manifest.encode(entries).utf8)) + ".dir"
        try FileManager.default.moveItem(atPath: cache.objectPath(String(directory.dropLast(4))), toPath: cache.objectPath(directory))
        return (cache, directory, files)
    }

    /// `manyFiles` pushed to a directory remote (as one pack and its index).
    static func pushed(_ root: TemporaryDirectory) throws -> (cache: CacheStore, directory: String, files: [String], remote: any RemoteStorage) {
        let (cache, directory, files) = try manyFiles(root)
        let remote = try ObjectTransferTests.directoryRemote(root)
        _ = try ObjectTransfer(cache: cache, remote: remote).push([directory])
        return (cache, directory, files, remote)
    }

    /// Forwards to a remote and counts its requests by kind.
    final class CountingRemote: RemoteStorage {
        let inner: any RemoteStorage
        let counts = Mutex<[String: Int]>([:])
        init(inner: any RemoteStorage) { self.inner = inner }
        var displayName: String { inner.displayName }
        func count(_ kind: String, _ n: Int) { counts.withLock { $0[kind, default: 0] += n } }
        func keys(under prefix: String) throws(RemoteError) -> Set<String> { count("list", 1); return try inner.keys(under: prefix) }
        func upload(_ items: [(file: String, key: String)], jobs: Int, moved: @Sendable (Int64, Int?) -> Void) -> [RemoteError?] {
            count("put", items.count); return inner.upload(items, jobs: jobs, moved: moved)
        }
        func download(_ items: [(key: String, file: String)], jobs: Int, moved: @Sendable (Int64, Int?) -> Void) -> [RemoteError?] {
            count("get", items.count); return inner.download(items, jobs: jobs, moved: moved)
        }
        func download(ranges items: [(key: String, range: Range<Int64>, file: String)], jobs: Int, moved: @Sendable (Int64, Int?) -> Void) -> [RemoteError?] {
            count("ranged get", items.count); return inner.download(ranges: items, jobs: jobs, moved: moved)
        }
    }

    /// The bytes of every object of `hashes` in `cache`.
    static func contents(_ cache: CacheStore, _ hashes: [String]) throws -> [Data] {
        try hashes.map { try Data(contentsOf: URL(fileURLWithPath: cache.objectPath($0))) }
    }

    @Test func manySmallObjectsGoUpAsOnePackAndComeBackWhole() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let (cache, directory, files) = try Self.manyFiles(root)
        let remote = CountingRemote(inner: try ObjectTransferTests.directoryRemote(root))
        let pushed = try ObjectTransfer(cache: cache, remote: remote, jobs: 4).push([directory])
        #expect(pushed == ObjectTransfer.Summary(transferred: 41, skipped: 0, failures: []))
        // One pack and its index, no loose objects.
        #expect(remote.counts.withLock { $0["put"] } == 2)
        #expect(try remote.keys(under: "files/sha256/").isEmpty)
        let packKeys = try remote.keys(under: "packs/")
        #expect(packKeys.count == 2 && PackIndex.completePacks(in: packKeys).count == 1)
        #expect(try ObjectTransfer(cache: cache, remote: remote).push([directory]) == ObjectTransfer.Summary(transferred: 0, skipped: 41))

        let other = CacheStore(directory: root.path + "/other-cache")
        let pulled = try ObjectTransfer(cache: other, remote: remote, jobs: 4).pull([directory])
        #expect(pulled == ObjectTransfer.Summary(transferred: 41, skipped: 0, failures: []), "\(pulled.failures)")
        #expect(try Self.contents(other, files + [directory]) == Self.contents(cache, files + [directory]))
        // The manifest came by a ranged read (a small share of the pack), the files in one whole-pack read.
        #expect(remote.counts.withLock { ($0["ranged get"], $0["get"]) } == (1, 2))
        #expect(try FileManager.default.contentsOfDirectory(atPath: other.directory).filter { $0.hasPrefix(".tmp") } == [])
    }

    @Test func aFewObjectsOfAPackComeByRangedReadsAnEmptyOneByNone() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let (cache, _, files, inner) = try Self.pushed(root)
        let remote = CountingRemote(inner: inner)
        let other = CacheStore(directory: root.path + "/other-cache")
        let wanted = [files[0], files[5], files[39]]
        let pulled = try ObjectTransfer(cache: other, remote: remote).pull(wanted)
        #expect(pulled == ObjectTransfer.Summary(transferred: 3, skipped: 0, failures: []), "\(pulled.failures)")
        #expect(try Self.contents(other, wanted) == Self.contents(cache, wanted))
        #expect(remote.counts.withLock { ($0["ranged get"], $0["get"]) } == (2, 1))  // the 1 is the pack's index
    }

    @Test func aPackWithoutItsIndexDoesNotCountAndTheNextPushSendsItAgain() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let (cache, directory, _, remote) = try Self.pushed(root)
        let index = try #require(try remote.keys(under: "packs/").first { $0.hasSuffix(".idx") })
        try FileManager.default.removeItem(atPath: root.path + "/remote/" + index)
        // A fresh cache has no copy of the index either.
        let other = CacheStore(directory: root.path + "/other-cache")
        let pulled = try ObjectTransfer(cache: other, remote: remote).pull([directory])
        #expect(pulled.transferred == 0 && pulled.failures.map(\.message) == ["it is not in the remote"], "\(pulled.failures)")
        #expect(try ObjectTransfer(cache: cache, remote: remote).push([directory]).transferred == 41)
        #expect(try ObjectTransfer(cache: other, remote: remote).pull([directory]).transferred == 41)
    }

    @Test func aDamagedPackLosesOnlyTheObjectsItDamagedAndKeepsNoPartialFile() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let (_, directory, files, remote) = try Self.pushed(root)
        let name = try #require(PackIndex.completePacks(in: try remote.keys(under: "packs/")).first)
        let index = try #require(ObjectTransfer.verifiedIndex(at: root.path + "/remote/" + PackIndex.indexKey(name), name: name))
        let victim = try #require(index.entries.first { $0.hash == files[7] })
        let packPath = root.path + "/remote/" + PackIndex.packKey(name)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: packPath))
        bytes[Int(victim.offset)] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: packPath))

        let other = CacheStore(directory: root.path + "/other-cache")
        let pulled = try ObjectTransfer(cache: other, remote: remote).pull([directory])
        #expect(pulled.transferred == 40)
        #expect(pulled.failures.map(\.key) == [ObjectTransfer.key(files[7])])
        #expect(pulled.failures.first?.message.hasPrefix("its content does not match its name") == true)
        #expect(!FileManager.default.fileExists(atPath: try other.objectPath(files[7])))
        let folder = ((try other.objectPath(files[7])) as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".tmp") } == [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: other.directory).filter { $0.hasPrefix(".tmp") } == [])
    }

    /// A remote whose whole-object downloads of packs fail.
    struct PackDownloadsFail: RemoteStorage {
        let inner: any RemoteStorage
        var displayName: String { inner.displayName }
        func keys(under prefix: String) throws(RemoteError) -> Set<String> { try inner.keys(under: prefix) }
        func upload(_ items: [(file: String, key: String)], jobs: Int, moved: @Sendable (Int64, Int?) -> Void) -> [RemoteError?] {
            inner.upload(items, jobs: jobs, moved: moved)
        }
        func download(_ items: [(key: String, file: String)], jobs: Int, moved: @Sendable (Int64, Int?) -> Void) -> [RemoteError?] {
            items.map { $0.key.hasSuffix(".pack") ? RemoteError(remote: displayName, key: $0.key, "the connection was reset") : nil }
                .enumerated().map { index, failure in failure ?? inner.download([items[index]], jobs: 1, moved: { _, _ in }).first ?? nil }
        }
        func download(ranges items: [(key: String, range: Range<Int64>, file: String)], jobs: Int, moved: @Sendable (Int64, Int?) -> Void) -> [RemoteError?] {
            inner.download(ranges: items, jobs: jobs, moved: moved)
        }
    }

    @Test func aPackThatDoesNotComeIsOneErrorCountingItsObjects() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let (_, directory, _, inner) = try Self.pushed(root)
        let pulled = try ObjectTransfer(cache: CacheStore(directory: root.path + "/other-cache"), remote: PackDownloadsFail(inner: inner)).pull([directory])
        // The manifest comes by a ranged read; the 40 files' pack does not come.
        #expect(pulled.transferred == 1)
        #expect(pulled.failures.map(\.message) == ["the connection was reset"])
        #expect(pulled.failedObjects == 40 && pulled.skipped == 0)
    }

    @Test func anIndexWhoseContentIsNotItsNameIsIgnored() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let (_, _, files, remote) = try Self.pushed(root)
        let name = try #require(PackIndex.completePacks(in: try remote.keys(under: "packs/")).first)
        // A forged index pointing one object's hash at another object's bytes.
        try PackIndex(entries: [.init(hash: files[1], offset: 0, length: 10)]).text
            .write(toFile: root.path + "/remote/" + PackIndex.indexKey(name), atomically: true, encoding: .utf8)
        let inventory = try ObjectTransfer(cache: CacheStore(directory: root.path + "/other-cache"), remote: remote).inventory()
        #expect(inventory.packed.isEmpty && inventory.loose.isEmpty)
    }

    @Test func fewSmallObjectsAndLargeOnesGoLoose() {
        let small = (0..<15).map { ObjectTransfer.LocalObject(hash: "s\($0)", file: "", size: 10) }
        #expect(ObjectTransfer.packGroups(small).packs.isEmpty)
        let large = ObjectTransfer.LocalObject(hash: "l", file: "", size: ObjectTransfer.largestPackedObject + 1)
        let many = (0..<40).map { ObjectTransfer.LocalObject(hash: "m\($0)", file: "", size: ObjectTransfer.packTarget / 16) }
        let (loose, packs) = ObjectTransfer.packGroups(many + [large])
        #expect(loose.map(\.hash) == ["l"])
        // Closed at 16 MiB each: 16 + 16 + 8 objects.
        #expect(packs.map(\.count) == [16, 16, 8])
        #expect(packs.flatMap { $0 }.map(\.hash) == many.map(\.hash))
    }

    @Test func packProgressCountsEveryObject() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let (cache, directory, _) = try Self.manyFiles(root)
        let reports = TransferProgressTests.Recorder()
        _ = try ObjectTransfer(cache: cache, remote: try ObjectTransferTests.directoryRemote(root)).push([directory], progress: reports.record)
        let last = try #require(reports.reports.withLock { $0.last })
        #expect(last.objectsDone == 41 && last.objectsTotal == 41 && last.bytesDone == last.bytesTotal)
    }
}

/// How a large object is cut for S3's multipart upload, and how its parts' checksums are written.
@Suite struct MultipartPartTests {
    static let remote = S3Remote(bucket: "b", prefix: "", endpoint: "http://127.0.0.1:1",
                                 signer: SigV4Signer(credentials: AWSCredentials(accessKeyID: "a", secretAccessKey: "s"), region: "us-east-1"),
                                 displayName: "s")

    @Test func partsAreSixteenMiBUntilS3sTenThousandPartLimitNeedsMore() {
        #expect(Self.remote.partSize(for: 1 << 30) == 16 << 20)
        #expect(Self.remote.partSize(for: 160 * 1_000 << 20) == 16 << 20)
        // 200 GiB in at most 10,000 parts: 20.48 MiB each, rounded up to 21 MiB.
        let size: Int64 = 200 << 30, part = Self.remote.partSize(for: size)
        #expect(part == 21 << 20)
        #expect((size + part - 1) / part <= 10_000)
    }

    /// The CRC-32 of "123456789" is CB F4 39 26; S3 takes those bytes in base64.
    @Test func aPartChecksumIsItsBigEndianBytesInBase64() {
        #expect(S3Remote.checksumText(CRC32.checksum(Array("123456789".utf8))) == "y/Q5Jg==")
    }
}

/// The text of a pack's index.
@Suite struct PackIndexTests {
    static let a = String(repeating: "a", count: 64), b = String(repeating: "b", count: 64) + ".dir"

    @Test func anIndexReadsBackAsWritten() {
        let index = PackIndex(entries: [.init(hash: Self.a, offset: 0, length: 5), .init(hash: Self.b, offset: 5, length: 0)])
        #expect(index.text == "sluice-pack 1\n\(Self.a) 0 5\n\(Self.b) 5 0\n")
        #expect(PackIndex(parsing: index.text) == index)
        #expect(index.packSize == 5)
    }

    @Test(arguments: [
        "sluice-pack 2\n",                                   // another version
        "sluice-pack 1\n\(a) 0 5",                           // cut short
        "sluice-pack 1\n\(a) 1 5\n",                         // a gap before the first object
        "sluice-pack 1\n\(a) 0 5\n\(a) 4 1\n",               // overlapping objects
        "sluice-pack 1\n\(a) 0 -1\n",                        // a negative length
        "sluice-pack 1\n../../etc 0 1\n",                    // not a hash
        "sluice-pack 1\n\(a) 0 9223372036854775807\n\(a) 9223372036854775807 1\n",  // past Int64
    ])
    func aDamagedIndexIsRefused(text: String) {
        #expect(PackIndex(parsing: text) == nil)
    }
}
