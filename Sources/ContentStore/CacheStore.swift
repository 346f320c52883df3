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
package struct CacheStore: Sendable {
    /// How outputs in the workspace relate to their cached objects.
    package enum LinkMode: String, Sendable {
        /// The workspace holds its own copy (the default; editing it never touches the cache).
        case copy
        /// The workspace file is a hard link to the read-only cached object (no extra space).
        case hardlink
    }

    /// The cache directory (absolute).
    package let directory: String
    /// How outputs are placed in the workspace.
    package let linkMode: LinkMode

    /// Creates a cache rooted at `directory`.
    package init(directory: String, linkMode: LinkMode = .copy) {
        self.directory = directory
        self.linkMode = linkMode
    }

    /// The object path for a file hash or a directory hash (`….dir`). Throws for
    /// anything that is not a well-formed hash: a hash comes from files a user can
    /// edit, and `../..` in one would name a path outside the cache.
    package func objectPath(_ hash: String) throws(CacheError) -> String {
        guard ContentHash.isValid(hash) else { throw .invalidHash(hash) }
        let prefix = hash.prefix(2), rest = hash.dropFirst(2)
        return "\(directory)/files/sha256/\(prefix)/\(rest)"
    }

    /// Whether every object a fingerprint needs is in the cache (as a regular file,
    /// not a symlink; a directory's manifest also well formed).
    package func contains(_ fingerprint: Fingerprint) -> Bool {
        guard fingerprint.isWellFormed, let objects = objectsDirectory() else { return false }
        switch fingerprint {
        case .missing: return false
        case .file(let hash, _): return ObjectFolders(objects: objects, hashes: [hash]).holds(hash)
        case .directory(let hash, _, _):
            guard let entries = try? manifest(hash, in: objects) else { return false }
            let folders = ObjectFolders(objects: objects, hashes: entries.map(\.hash))
            return entries.allSatisfy { folders.holds($0.hash) }
        }
    }

    /// The manifest stored for a directory hash. A manifest that does not parse, or
    /// has an entry whose path could leave the directory or whose hash is malformed,
    /// is corrupt: its entries are never used.
    package func manifest(_ hash: String) throws -> [ManifestEntry] {
        guard let objects = objectsDirectory() else { throw CacheError.missing(try objectPath(hash)) }
        return try manifest(hash, in: objects)
    }

    func manifest(_ hash: String, in objects: DirectoryHandle) throws -> [ManifestEntry] {
        let path = try objectPath(hash)
        guard ContentHash.isDirectoryHash(hash), let folder = objects.directory(String(hash.prefix(2))) else {
            throw CacheError.missing(path)
        }
        let bytes: [UInt8]
        do {
            bytes = try folder.readRegularFile(String(hash.dropFirst(2)))
        } catch {
            throw error.code == ENOENT ? CacheError.missing(path) : CacheError.corrupt(path)
        }
        return try Manifest.decode(bytes, path: path)
    }

    /// `files/sha256` under the cache, reached without following symlinks below the
    /// cache directory; `nil` when there is none yet.
    func objectsDirectory() -> DirectoryHandle? {
        DirectoryHandle(path: directory)?.directory("files")?.directory("sha256")
    }
}

/// Problems with the cache itself.
package enum CacheError: Error, CustomStringConvertible {
    /// An object that cannot be read as what it should be.
    case corrupt(String)
    /// A restore would write outside the project (through a symlink or a bad path) or into the cache.
    case unsafePath(String)
    /// An object a restore needs is not in the cache.
    case missing(String)
    /// A hash that is not 64 lowercase hex digits (with `.dir` for a directory).
    case invalidHash(String)

    package var description: String {
        switch self {
        case .corrupt(let path): return "cache object '\(path)' is corrupt (run 'sluice cache verify')"
        case .unsafePath(let path): return "refusing to write '\(path)': it leads outside the project or into its cache"
        case .missing(let path): return "'\(path)' is not in the cache"
        case .invalidHash(let hash):
            return "\(String(hash.prefix(80)).debugDescription) is not a content hash (expected \(ContentHash.expectedForm)); the file that recorded it is damaged"
        }
    }
}
