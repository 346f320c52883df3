import Basics
import Foundation

/// Listing, verifying and collecting cache objects.
extension CacheStore {
    /// A cache object on disk.
    public struct Object: Sendable {
        /// Its hash (for a manifest, with the `.dir` suffix).
        public var hash: String
        /// Its path.
        public var path: String
        /// Its size in bytes.
        public var size: Int64
    }

    /// Every object in the cache.
    public func objects() -> [Object] {
        let base = directory + "/files/sha256"
        guard let prefixes = try? FileManager.default.contentsOfDirectory(atPath: base) else { return [] }
        var result: [Object] = []
        for prefix in prefixes.sorted() where prefix.count == 2 {
            let folder = base + "/" + prefix
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder))?.sorted() ?? [] where !name.hasPrefix(".") {
                let path = folder + "/" + name
                result.append(Object(hash: prefix + name, path: path, size: FileStat.read(path)?.size ?? 0))
            }
        }
        return result
    }

    /// The object hashes a fingerprint needs (a directory: its manifest and every file).
    public func referencedHashes(_ fingerprint: Fingerprint) -> Set<String> {
        switch fingerprint {
        case .missing: return []
        case .file(let hash, _): return [hash]
        case .directory(let hash, _, _):
            return Set((try? manifest(hash))?.map(\.hash) ?? []).union([hash])
        }
    }

    /// Re-hashes every object; moves those whose bytes do not match their name to
    /// `quarantine/` and returns them.
    public func verify() throws -> [Object] {
        var corrupt: [Object] = []
        for object in objects() {
            let expected = object.hash.hasSuffix(".dir") ? String(object.hash.dropLast(4)) : object.hash
            let actual = (try? FileHasher.hash(path: object.path))?.hash
            if actual == expected { continue }
            corrupt.append(object)
            let quarantine = directory + "/quarantine"
            try FileManager.default.createDirectory(atPath: quarantine, withIntermediateDirectories: true)
            _ = rename(object.path, quarantine + "/" + object.hash)
        }
        return corrupt
    }
}
