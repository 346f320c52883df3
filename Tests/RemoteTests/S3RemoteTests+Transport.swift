import Basics
import ContentStore
import Foundation
import Synchronization
import Testing
import _TestSupport
@testable import Remote

/// Multipart uploads and the failures of a transfer, against the S3 server .ci/run starts.
extension S3RemoteTests {
    /// A cache object of `bytes` pseudo-random bytes (seeded, so runs are alike); its hash.
    static func bigObject(_ cache: CacheStore, bytes: Int) throws -> String {
        var generator = SeededGenerator(seed: 18)
        let words = (0..<(bytes / 8 + 1)).map { _ in generator.next() }
        let data = words.withUnsafeBytes { Data($0.prefix(bytes)) }
        let hash = SHA256.hash(data).hex
        let path = try cache.objectPath(hash)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: path))
        return hash
    }

    @Test func anObjectOverTheThresholdGoesUpInPartsAndComesBackWhole() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let cache = CacheStore(directory: root.path + "/cache")
        // Just over two 5 MiB parts: three parts, the last one small.
        let hash = try Self.bigObject(cache, bytes: (10 << 20) + 1234)
        let remote = Self.remote(multipartThreshold: 5 << 20)
        let parts = Mutex<[Int64]>([]), finished = Mutex(0)
        let outcomes = remote.upload([(file: try cache.objectPath(hash), key: ObjectTransfer.key(hash))], jobs: 4) { bytes, item in
            if item != nil { finished.withLock { $0 += 1 } } else { parts.withLock { $0.append(bytes) } }
        }
        #expect(outcomes.count == 1 && outcomes[0] == nil, "\(outcomes.map { $0?.description })")
        #expect(parts.withLock { $0.sorted() } == [1234, 5 << 20, 5 << 20])
        #expect(finished.withLock { $0 } == 1)
        #expect(try remote.keys(under: "files/sha256/") == [ObjectTransfer.key(hash)])
        let other = CacheStore(directory: root.path + "/other-cache")
        let pulled = try ObjectTransfer(cache: other, remote: remote).pull([hash])
        #expect(pulled.transferred == 1 && pulled.failures.isEmpty, "\(pulled.failures)")
        #expect(try FileHasher.hash(path: other.objectPath(hash)).hash == hash)
    }

    /// S3 keeps for a multipart object the CRC-32 of its parts' CRC-32s. moto computes the
    /// part checksums itself (with zlib), so this also checks ours against zlib's.
    @Test func aMultipartObjectCarriesTheChecksumOfItsPartsChecksums() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let cache = CacheStore(directory: root.path + "/cache")
        let hash = try Self.bigObject(cache, bytes: (10 << 20) + 1234)
        let remote = Self.remote(multipartThreshold: 5 << 20)
        let outcomes = remote.upload([(file: try cache.objectPath(hash), key: ObjectTransfer.key(hash))], jobs: 4) { _, _ in }
        #expect(outcomes.count == 1 && outcomes[0] == nil, "\(outcomes.map { $0?.description })")

        let data = [UInt8](try Data(contentsOf: URL(fileURLWithPath: try cache.objectPath(hash))))
        var partChecksums: [UInt8] = []
        for start in stride(from: 0, to: data.count, by: 5 << 20) {
            let crc = CRC32.checksum(data[start..<min(start + (5 << 20), data.count)])
            partChecksums += [UInt8(crc >> 24), UInt8(crc >> 16 & 0xFF), UInt8(crc >> 8 & 0xFF), UInt8(crc & 0xFF)]
        }
        let answer = root.path + "/attributes.xml"
        let exchange = remote.request("GET", path: remote.objectPath(ObjectTransfer.key(hash)), query: [(name: "attributes", value: "")],
                                      payloadHash: SignableRequest.emptyPayloadHash, headers: [("x-amz-object-attributes", "Checksum")],
                                      outputFile: answer)
        #expect(try remote.single(exchange, key: nil).status == 200)
        let body = try String(contentsOfFile: answer, encoding: .utf8)
        let stored = S3ErrorBody.values(of: "ChecksumCRC32", in: body).first?.split(separator: "-").first.map(String.init)
        #expect(stored == S3Remote.checksumText(CRC32.checksum(partChecksums)), "\(body)")
        #expect(S3ErrorBody.values(of: "ChecksumType", in: body) == ["COMPOSITE"])
    }

    @Test func aFailedMultipartUploadLeavesNoObject() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let cache = CacheStore(directory: root.path + "/cache")
        let hash = try Self.bigObject(cache, bytes: (5 << 20) + 10)
        let remote = Self.remote(multipartThreshold: 5 << 20)
        let wrong = S3Remote(bucket: remote.bucket, prefix: remote.prefix, endpoint: remote.endpoint,
                             signer: Self.remote(secret: "not-the-secret").signer, displayName: "storage", multipartThreshold: 5 << 20, partSize: 5 << 20)
        let outcomes = wrong.upload([(file: try cache.objectPath(hash), key: ObjectTransfer.key(hash))], jobs: 2)
        #expect(outcomes.first??.message.hasPrefix("access denied (403") == true, "\(outcomes)")
        #expect(outcomes.first??.key == ObjectTransfer.key(hash))
        #expect(try remote.keys(under: "files/").isEmpty)
    }

    @Test func aRemoteObjectWhoseContentDoesNotMatchItsNameIsNotKept() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let (_, file, _, _) = try ObjectTransferTests.filledCache(root)
        let remote = Self.remote()
        try "forged\n".write(toFile: root.path + "/forged", atomically: true, encoding: .utf8)
        #expect(remote.upload([(file: root.path + "/forged", key: ObjectTransfer.key(file))], jobs: 1) == [nil])
        let other = CacheStore(directory: root.path + "/other-cache")
        let pulled = try ObjectTransfer(cache: other, remote: remote).pull([file])
        #expect(pulled.transferred == 0)
        #expect(pulled.failures.map(\.description) == [
            "remote storage: object \(ObjectTransfer.key(file)): its content does not match its name (its SHA-256 is \(SHA256.hash(Array("forged\n".utf8)).hex)); it was not kept",
        ])
        let folder = ((try other.objectPath(file)) as NSString).deletingLastPathComponent
        #expect((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] == [])
    }

    @Test func aFullDiskDuringADownloadIsAnErrorNamingTheObject() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let (cache, file, _, _) = try ObjectTransferTests.filledCache(root)
        let remote = Self.remote()
        _ = try ObjectTransfer(cache: cache, remote: remote).push([file])
        // /dev/full refuses every write with ENOSPC, as a full disk does.
        let outcomes = remote.download([(key: ObjectTransfer.key(file), file: "/dev/full")], jobs: 1)
        let error = try #require(outcomes.first ?? nil)
        #expect(error.description.hasPrefix("remote storage: object \(ObjectTransfer.key(file)): the transfer failed: "), "\(error.description)")
        #expect(error.hint?.contains("free space") == true)
    }

    @Test func aWrongSecretFailsThePushBeforeAnythingMoves() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let (cache, file, directory, _) = try ObjectTransferTests.filledCache(root)
        #expect(throws: RemoteError.self) { try ObjectTransfer(cache: cache, remote: Self.remote(secret: "wrong")).push([file, directory]) }
        #expect(throws: RemoteError.self) {
            try ObjectTransfer(cache: CacheStore(directory: root.path + "/other"), remote: Self.remote(secret: "wrong")).pull([file])
        }
        #expect(!FileManager.default.fileExists(atPath: root.path + "/other"))
    }
}
