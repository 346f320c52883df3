// ContentStore knows only content: fingerprints of files and directories (SHA-256, with
// the stat cache that skips unchanged files), the content-addressed object cache,
// restoring objects into the workspace (copy or hard link), verification and removal
// of objects.
//
// What this module must not know: pipelines, stages, pipeline.lock or the run-cache
// (PipelineState), YAML, runs or the engine. Callers say which paths to save and which
// fingerprints to keep; it never decides that itself. It never prints.
import Basics
import Foundation

/// The content-addressed cache under `.sluice/cache/`: every cached version of every
/// output, by SHA-256, so outputs can be restored instead of recomputed.
///
/// Layout (as DVC's): `files/sha256/<first two hex>/<rest>` for a file's bytes, and
/// the same path with a `.dir` suffix for a directory's manifest. Objects are written
/// under a temporary name and renamed, so an object is never half-present.
public struct CacheStore: Sendable {
    /// How outputs in the workspace relate to their cached objects.
    public enum LinkMode: String, Sendable {
        /// The workspace holds its own copy (the default; editing it never touches the cache).
        case copy
        /// The workspace file is a hard link to the read-only cached object (no extra space).
        case hardlink
    }

    /// The cache directory (absolute).
    public let directory: String
    /// How outputs are placed in the workspace.
    public let linkMode: LinkMode

    /// Creates a cache rooted at `directory`.
    public init(directory: String, linkMode: LinkMode = .copy) {
        self.directory = directory
        self.linkMode = linkMode
    }

    /// The object path for a file hash or a directory hash (`….dir`).
    public func objectPath(_ hash: String) -> String {
        let prefix = hash.prefix(2), rest = hash.dropFirst(2)
        return "\(directory)/files/sha256/\(prefix)/\(rest)"
    }

    /// Whether every object a fingerprint needs is in the cache.
    public func contains(_ fingerprint: Fingerprint) -> Bool {
        switch fingerprint {
        case .missing: return false
        case .file(let hash, _): return FileManager.default.fileExists(atPath: objectPath(hash))
        case .directory(let hash, _, _):
            guard let entries = try? manifest(hash) else { return false }
            return entries.allSatisfy { FileManager.default.fileExists(atPath: objectPath($0.hash)) }
        }
    }

    /// The manifest stored for a directory hash.
    public func manifest(_ hash: String) throws -> [ManifestEntry] {
        let data = try Data(contentsOf: URL(fileURLWithPath: objectPath(hash)))
        guard let list = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            throw CacheError.corrupt(objectPath(hash))
        }
        return try list.map { item in
            guard let path = item["relpath"] as? String, let hash = item["sha256"] as? String,
                  let size = (item["size"] as? NSNumber)?.int64Value, Self.isSafeRelativePath(path) else {
                throw CacheError.corrupt(objectPath(hash))
            }
            return ManifestEntry(relativePath: path, hash: hash, size: size)
        }
    }

    /// A manifest path must stay inside its directory: relative, no `..`, no empty parts.
    static func isSafeRelativePath(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != ".." && $0 != "." }
    }
}

/// Problems with the cache itself.
public enum CacheError: Error, CustomStringConvertible {
    /// An object that cannot be read as what it should be.
    case corrupt(String)
    /// A restore would write outside the project (through a symlink or a bad path).
    case unsafePath(String)
    /// An object a restore needs is not in the cache.
    case missing(String)

    public var description: String {
        switch self {
        case .corrupt(let path): return "cache object '\(path)' is corrupt (run 'sluice cache verify')"
        case .unsafePath(let path): return "refusing to write '\(path)': it leads outside the project"
        case .missing(let path): return "'\(path)' is not in the cache"
        }
    }
}
