import Basics

/// The manifest of a directory: its files and their hashes, in a canonical byte form
/// whose SHA-256 (with a `.dir` suffix) is the directory's hash.
package enum Manifest {
    /// Canonical JSON: `[{"relpath":…,"sha256":…,"size":…},…]` sorted by path.
    package static func encode(_ entries: [ManifestEntry]) -> String {
        let sorted = entries.sorted { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
        return JSONWriter.canonical.string(.array(sorted.map { entry in
            .object(["relpath": .string(entry.relativePath), "sha256": .string(entry.hash), "size": .int(Int(entry.size))])
        }))
    }

    /// The directory fingerprint for `entries`.
    package static func fingerprint(_ entries: [ManifestEntry]) -> Fingerprint {
        let hash = SHA256.hash(Array(encode(entries).utf8)).hex + ".dir"
        return .directory(hash: hash, size: entries.reduce(0) { $0 + $1.size }, files: entries.count)
    }
}

extension Manifest {
    /// The entries of the manifest text `bytes` (stored at `path`). Throws
    /// `CacheError.corrupt` when it does not parse or when an entry is not well formed
    /// (a path that could leave the directory, a malformed hash): such a manifest is
    /// damaged or forged, and none of its entries is ever used.
    static func decode(_ bytes: [UInt8], path: String) throws(CacheError) -> [ManifestEntry] {
        guard let json = try? JSONReader.parse(String(decoding: bytes, as: UTF8.self), file: path),
              case .array(let items) = json else { throw .corrupt(path) }
        var entries: [ManifestEntry] = []
        entries.reserveCapacity(items.count)
        for item in items {
            guard case .string(let relativePath)? = item["relpath"], case .string(let hash)? = item["sha256"],
                  case .int(let size)? = item["size"] else { throw .corrupt(path) }
            let entry = ManifestEntry(relativePath: relativePath, hash: hash, size: Int64(size))
            guard entry.isWellFormed else { throw .corrupt(path) }
            entries.append(entry)
        }
        return entries
    }
}
