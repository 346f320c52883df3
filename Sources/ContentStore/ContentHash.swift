/// The only spellings a content hash may have.
///
/// A hash names a path in the cache (`files/sha256/<2>/<62>`), and hashes are read
/// from files a user or a damaged disk can change (pipeline.lock, `.dir` manifests,
/// run-cache entries, the stat caches). Anything but these exact forms could name a
/// path outside the cache, so every hash read from a file is checked against them.
package enum ContentHash {
    /// The suffix that marks a directory's hash (the hash of its manifest).
    package static let directorySuffix = ".dir"

    /// Whether `text` is a file hash: exactly 64 lowercase hexadecimal digits.
    package static func isFileHash(_ text: some StringProtocol) -> Bool {
        let utf8 = text.utf8
        return utf8.count == 64 && utf8.allSatisfy(isLowercaseHexDigit)
    }

    /// Whether `text` is a directory hash: a file hash followed by `.dir`.
    package static func isDirectoryHash(_ text: some StringProtocol) -> Bool {
        text.hasSuffix(directorySuffix) && isFileHash(text.dropLast(directorySuffix.count))
    }

    /// Whether `text` is a file hash or a directory hash.
    package static func isValid(_ text: some StringProtocol) -> Bool {
        isFileHash(text) || isDirectoryHash(text)
    }

    /// What a valid hash looks like, for messages.
    package static let expectedForm = "64 lowercase hexadecimal digits, followed by '.dir' for a directory"

    private static func isLowercaseHexDigit(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
    }
}

extension Fingerprint {
    /// Whether the hash has the form its kind needs (a file hash for a file, a
    /// directory hash for a directory); `missing` is always well formed.
    package var isWellFormed: Bool {
        switch self {
        case .missing: return true
        case .file(let hash, let size): return ContentHash.isFileHash(hash) && size >= 0
        case .directory(let hash, let size, let files): return ContentHash.isDirectoryHash(hash) && size >= 0 && files >= 0
        }
    }
}

extension ManifestEntry {
    /// Whether `path` may name a file inside a directory: relative, `/`-separated,
    /// with no empty, `.` or `..` component and no NUL byte.
    package static func isSafeRelativePath(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.utf8.contains(0) else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != ".." && $0 != "." }
    }

    /// Whether the entry can be restored safely: a safe path, a file hash, a size that is not negative.
    package var isWellFormed: Bool {
        Self.isSafeRelativePath(relativePath) && ContentHash.isFileHash(hash) && size >= 0
    }
}
