/// The content identity of a path: what pipeline.lock records and status compares.
package enum Fingerprint: Hashable, Sendable {
    /// Nothing is at the path.
    case missing
    /// A regular file: the SHA-256 of its bytes (hex) and its size.
    case file(hash: String, size: Int64)
    /// A directory: the SHA-256 of its manifest with a `.dir` suffix, total size and file count.
    case directory(hash: String, size: Int64, files: Int)

    /// The hash as recorded (`nil` when missing).
    package var hash: String? {
        switch self {
        case .missing: return nil
        case .file(let hash, _), .directory(let hash, _, _): return hash
        }
    }

    /// Whether something exists at the path.
    package var exists: Bool { self != .missing }
}

/// One entry of a directory manifest: a file inside the directory and its hash.
package struct ManifestEntry: Hashable, Sendable {
    /// The path relative to the directory, with `/` separators and no `..`.
    package var relativePath: String
    /// SHA-256 of the file's bytes (hex).
    package var hash: String
    /// Size in bytes.
    package var size: Int64

    /// Creates an entry.
    package init(relativePath: String, hash: String, size: Int64) {
        self.relativePath = relativePath
        self.hash = hash
        self.size = size
    }
}
