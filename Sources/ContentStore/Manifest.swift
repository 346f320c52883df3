import Basics

/// The manifest of a directory: its files and their hashes, in a canonical byte form
/// whose SHA-256 (with a `.dir` suffix) is the directory's hash.
public enum Manifest {
    /// Canonical JSON: `[{"relpath":…,"sha256":…,"size":…},…]` sorted by path.
    public static func encode(_ entries: [ManifestEntry]) -> String {
        let sorted = entries.sorted { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
        return JSONWriter.canonical.string(.array(sorted.map { entry in
            .object(["relpath": .string(entry.relativePath), "sha256": .string(entry.hash), "size": .int(Int(entry.size))])
        }))
    }

    /// The directory fingerprint for `entries`.
    public static func fingerprint(_ entries: [ManifestEntry]) -> Fingerprint {
        let hash = SHA256.hash(Array(encode(entries).utf8)).hex + ".dir"
        return .directory(hash: hash, size: entries.reduce(0) { $0 + $1.size }, files: entries.count)
    }
}
