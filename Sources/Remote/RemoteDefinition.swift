import Foundation

/// A remote as a project declares it: a name, a URL and, for S3, where and how to
/// reach it. Credentials are not part of it.
package struct RemoteDefinition: Sendable, Equatable {
    /// The name `push -r NAME` uses.
    package var name: String
    /// `s3://bucket/prefix`, `file:///path`, or a directory path.
    package var url: String
    /// An S3-compatible server instead of AWS (`http://127.0.0.1:5000`).
    package var endpointURL: String?
    /// The S3 region (default: AWS_REGION, AWS_DEFAULT_REGION, else us-east-1).
    package var region: String?
    /// The profile of the shared credentials file to sign with.
    package var profile: String?

    /// Options `remote modify` may set, with what each means.
    package static let options: [(name: String, help: String)] = [
        ("url", "where the remote is: s3://bucket/prefix, file:///path or a directory"),
        ("endpointurl", "an S3-compatible server instead of AWS, e.g. http://127.0.0.1:5000"),
        ("region", "the S3 region (default: AWS_REGION, AWS_DEFAULT_REGION, else us-east-1)"),
        ("profile", "the profile of ~/.aws/credentials to sign with"),
    ]

    /// A definition from its parts.
    package init(name: String, url: String, endpointURL: String? = nil, region: String? = nil, profile: String? = nil) {
        self.name = name
        self.url = url
        self.endpointURL = endpointURL
        self.region = region
        self.profile = profile
    }

    /// What `url` names.
    package enum Location: Sendable, Equatable {
        /// An S3 bucket and key prefix.
        case s3(bucket: String, prefix: String)
        /// A directory (absolute, or relative to the project root).
        case directory(String)
    }

    /// Where the URL points, or why it cannot be used.
    package func location() throws(RemoteError) -> Location {
        if url.hasPrefix("s3://") {
            let rest = url.dropFirst(5)
            let bucket = String(rest.prefix { $0 != "/" })
            guard !bucket.isEmpty else { throw RemoteError(remote: name, "'\(url)' names no bucket", hint: "write it as s3://BUCKET/PREFIX") }
            return .s3(bucket: bucket, prefix: String(rest.dropFirst(bucket.count)))
        }
        if url.hasPrefix("file://") { return .directory(String(url.dropFirst(7))) }
        if url.contains("://") {
            throw RemoteError(remote: name, "'\(url)' is not a remote sluice can use", hint: "use s3://BUCKET/PREFIX, file:///PATH or a directory path")
        }
        guard !url.isEmpty else { throw RemoteError(remote: name, "the URL is empty", hint: "set it with 'sluice remote modify \(name) url URL'") }
        return .directory(url)
    }

    /// The storage this definition reaches, signing with credentials from `environment`
    /// (see `AWSCredentials.lookup`); a relative directory is taken from `root`.
    package func storage(root: String, environment: [String: String], parallel: Int = 16) throws(RemoteError) -> any RemoteStorage {
        switch try location() {
        case .directory(let path):
            let absolute = path.hasPrefix("/") ? path : root + "/" + path
            return DirectoryRemote(directory: absolute, displayName: "\(name) (\(url))")
        case .s3(let bucket, let prefix):
            let credentials = try AWSCredentials.lookup(profile: profile, environment: environment, remote: "\(name) (\(url))")
            let region = region ?? environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"] ?? "us-east-1"
            let endpoint = endpointURL ?? "https://s3.\(region).amazonaws.com"
            return S3Remote(bucket: bucket, prefix: prefix, endpoint: endpoint, signer: SigV4Signer(credentials: credentials, region: region),
                            displayName: "\(name) (\(url))", parallel: parallel)
        }
    }
}
