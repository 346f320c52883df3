import Basics
import Foundation

/// A remote in an S3 bucket (or any S3-compatible server given as `endpoint`),
/// addressed path-style (`endpoint/bucket/prefix/key`), every request signed with
/// Signature Version 4 by `SigV4Signer`. S3 makes an object visible only when its
/// upload completes, so an interrupted push leaves no partial object.
package struct S3Remote: RemoteStorage {
    /// The bucket.
    package let bucket: String
    /// The key prefix inside the bucket, empty or ending in `/`.
    package let prefix: String
    /// `http(s)://host[:port]` without a trailing slash.
    package let endpoint: String
    /// Signs every request.
    package let signer: SigV4Signer
    /// The remote's name in messages.
    package let displayName: String
    /// Requests curl runs at once.
    package let parallel: Int
    /// Objects larger than this go up by multipart upload (S3 takes at most 5 GiB in one PUT).
    package let multipartThreshold: Int64
    /// The size of each part but the last (S3 wants at least 5 MiB and at most 10,000 parts).
    package let partSize: Int64

    /// The default `multipartThreshold`: 64 MiB.
    package static let defaultMultipartThreshold: Int64 = 64 << 20
    /// The default `partSize`: 16 MiB (against moto, 8 MiB parts as the AWS CLI's took
    /// about 1.2 times as long: each part pays a process start and a request).
    package static let defaultPartSize: Int64 = 16 << 20

    /// A remote at `s3://bucket/prefix` reached through `endpoint`.
    package init(bucket: String, prefix: String, endpoint: String, signer: SigV4Signer, displayName: String, parallel: Int = 16,
                 multipartThreshold: Int64 = S3Remote.defaultMultipartThreshold, partSize: Int64 = S3Remote.defaultPartSize) {
        self.bucket = bucket
        let trimmed = prefix.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        self.prefix = trimmed.isEmpty ? "" : trimmed + "/"
        self.endpoint = endpoint.hasSuffix("/") ? String(endpoint.dropLast()) : endpoint
        self.signer = signer
        self.displayName = displayName
        self.parallel = parallel
        self.multipartThreshold = multipartThreshold
        self.partSize = max(5 << 20, partSize)
    }

    /// The `Host` header: the endpoint without its scheme.
    var host: String {
        let withoutScheme = endpoint.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first.map(String.init) ?? endpoint
        return withoutScheme
    }

    /// The signed exchange for `method` on `path` (bucket included, not encoded), with
    /// `headers` signed beside `Host` and the payload hash.
    func request(_ method: String, path: String, query: [(name: String, value: String)] = [], payloadHash: String,
                 headers: [(name: String, value: String)] = [], uploadFile: String? = nil, outputFile: String? = nil) -> Curl.Request {
        let unsigned = SignableRequest(
            method: method, path: path, query: query,
            headers: [("Host", host), ("x-amz-content-sha256", payloadHash)] + headers, payloadHash: payloadHash)
        let signed = signer.signed(unsigned, at: Date())
        let canonicalPath = path.split(separator: "/", omittingEmptySubsequences: false).map { SigV4Signer.percentEncoded(String($0)) }.joined(separator: "/")
        let queryText = query.map { SigV4Signer.percentEncoded($0.name) + "=" + SigV4Signer.percentEncoded($0.value) }.joined(separator: "&")
        return Curl.Request(
            method: method, url: endpoint + canonicalPath + (queryText.isEmpty ? "" : "?" + queryText),
            headers: signed.headers.filter { $0.name != "Host" }, uploadFile: uploadFile, outputFile: outputFile)
    }

    /// The object path of `key`: `/bucket/prefix/key`.
    func objectPath(_ key: String) -> String { "/\(bucket)/\(prefix)\(key)" }

    /// What a failed exchange means for people, naming the remote and the object.
    func failure(_ response: Curl.Response, key: String?, body: String = "") -> RemoteError {
        if let problem = response.transferError, response.status == 0 {
            return RemoteError(remote: displayName, key: key, "cannot reach \(endpoint): \(problem)",
                               hint: "check the endpoint URL and that the server is up ('sluice remote list' shows it)")
        }
        if let problem = response.transferError, (200..<300).contains(response.status) {
            // The server answered but the body could not be written (a full disk) or read.
            return RemoteError(remote: displayName, key: key, "the transfer failed: \(problem)",
                               hint: "check the free space and permissions of the local cache and the temporary folder")
        }
        let code = S3ErrorBody.code(body)
        switch (response.status, code) {
        case (403, _):
            return RemoteError(remote: displayName, key: key, "access denied (403\(code.map { " \($0)" } ?? ""))",
                               hint: "check the credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or the profile in ~/.aws/credentials")
        case (404, "NoSuchBucket"?):
            return RemoteError(remote: displayName, key: key, "the bucket '\(bucket)' does not exist", hint: "create it, or fix the remote's URL")
        case (404, _):
            return RemoteError(remote: displayName, key: key, "it is not in the remote", hint: "push it from the machine that has it ('sluice push')")
        default:
            return RemoteError(remote: displayName, key: key, "the server answered \(response.status)\(code.map { " (\($0))" } ?? "")")
        }
    }
}
