import Basics
import ContentStore
import Foundation
import Testing
import _TestSupport
@testable import Remote

/// The same transfers against a real S3-compatible server. `.ci/run` starts moto's
/// server on 127.0.0.1 with authentication on, creates a user and a bucket, and runs
/// these with SLUICE_TEST_S3_ENDPOINT, SLUICE_TEST_S3_BUCKET, AWS_ACCESS_KEY_ID and
/// AWS_SECRET_ACCESS_KEY set; without a server they do not run.
@Suite(.enabled(if: S3TestServer.endpoint != nil, "needs SLUICE_TEST_S3_ENDPOINT (.ci/run starts moto)"))
struct S3RemoteTests {
    static let environment = ProcessInfo.processInfo.environment
    static let endpoint = S3TestServer.endpoint

    /// A remote under a fresh prefix of the test bucket, signed with `secret` (default: the real one).
    static func remote(secret: String? = nil, multipartThreshold: Int64 = S3Remote.defaultMultipartThreshold) -> S3Remote {
        let credentials = AWSCredentials(accessKeyID: environment["AWS_ACCESS_KEY_ID"] ?? "", secretAccessKey: secret ?? environment["AWS_SECRET_ACCESS_KEY"] ?? "")
        // S3 (and moto) take parts of at least 5 MiB, so the multipart tests use that size.
        return S3Remote(
            bucket: environment["SLUICE_TEST_S3_BUCKET"] ?? "sluice-test", prefix: "cache-\(UUID().uuidString)", endpoint: endpoint ?? "",
            signer: SigV4Signer(credentials: credentials, region: "us-east-1"), displayName: "storage",
            multipartThreshold: multipartThreshold, partSize: 5 << 20)
    }

    @Test func pushThenPullThroughS3() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let (cache, file, directory, all) = try ObjectTransferTests.filledCache(root)
        let remote = Self.remote()
        #expect(try remote.keys(under: "files/sha256/").isEmpty)
        let pushed = try ObjectTransfer(cache: cache, remote: remote, jobs: 4).push([file, directory])
        #expect(pushed == ObjectTransfer.Summary(transferred: 4, skipped: 0, failures: []))
        #expect(try remote.keys(under: "files/sha256/") == Set(all.map(ObjectTransfer.key)))
        #expect(try ObjectTransfer(cache: cache, remote: remote).push([file, directory]).skipped == 4)
        let other = CacheStore(directory: root.path + "/other-cache")
        let pulled = try ObjectTransfer(cache: other, remote: remote, jobs: 4).pull([directory, file])
        #expect(pulled.transferred == 4 && pulled.failures.isEmpty, "\(pulled.failures)")
        for hash in all {
            #expect(try Data(contentsOf: URL(fileURLWithPath: other.objectPath(hash))) == Data(contentsOf: URL(fileURLWithPath: cache.objectPath(hash))))
        }
    }

    @Test func aWrongSecretIsRefusedWithAClearError() throws {
        do {
            _ = try Self.remote(secret: "not-the-secret").keys(under: "files/")
            Issue.record("a wrong secret was accepted")
        } catch {
            #expect(error.description.hasPrefix("remote storage: access denied (403"), "\(error.description)")
            #expect(error.hint?.contains("AWS_SECRET_ACCESS_KEY") == true)
        }
    }

    @Test func anUnknownBucketIsNamed() throws {
        var remote = Self.remote()
        remote = S3Remote(bucket: "no-such-bucket-\(UUID().uuidString.lowercased().prefix(8))", prefix: "", endpoint: remote.endpoint,
                          signer: remote.signer, displayName: "storage")
        #expect(throws: RemoteError.self) { try remote.keys(under: "files/") }
        do {
            _ = try remote.keys(under: "files/")
        } catch {
            #expect(error.message.hasPrefix("the bucket 'no-such-bucket-"), "\(error.description)")
        }
    }

    @Test func anUnreachableEndpointIsNamed() throws {
        let unreachable = S3Remote(bucket: "b", prefix: "", endpoint: "http://127.0.0.1:9", signer: Self.remote().signer, displayName: "storage")
        do {
            _ = try unreachable.keys(under: "files/")
            Issue.record("an unreachable endpoint answered")
        } catch {
            #expect(error.message.hasPrefix("cannot reach http://127.0.0.1:9"), "\(error.description)")
        }
    }
}

/// The S3 server .ci/run started, when there is one.
enum S3TestServer {
    /// Its URL, from SLUICE_TEST_S3_ENDPOINT.
    static let endpoint = ProcessInfo.processInfo.environment["SLUICE_TEST_S3_ENDPOINT"]
}
