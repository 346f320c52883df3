import Basics
import ContentStore
import Foundation

/// Earlier executions of stages, keyed by what determined their outputs: the lock
/// entry without outputs (command, dependency hashes, parameter values). When a key
/// comes back (a parameter changed and changed back, a lock file was deleted) and
/// the outputs it recorded are in the cache, they are restored instead of re-running.
///
/// Entries live in `.sluice/cache/runs/<first two hex>/<rest>` as JSON lock entries.
package struct RunCache: Sendable {
    /// The content cache that holds the outputs.
    package let cache: CacheStore

    /// Creates a run-cache stored beside `cache`'s objects.
    package init(cache: CacheStore) { self.cache = cache }

    /// The run-cache directory.
    package var directory: String { cache.directory + "/runs" }

    /// The file recording executions with `entry`'s key.
    func path(for entry: LockEntry) -> String {
        let (prefix, name) = Self.location(of: entry)
        return "\(directory)/\(prefix)/\(name)"
    }

    /// The prefix folder and file name of `entry`'s key.
    private static func location(of entry: LockEntry) -> (prefix: String, name: String) {
        let key = SHA256.hash(Array(entry.runCacheKey.utf8)).hex
        return (String(key.prefix(2)), String(key.dropFirst(2)))
    }

    /// The run-cache folder, reached without following symlinks below the cache.
    private func runsDirectory() -> DirectoryHandle? { DirectoryHandle(path: cache.directory)?.directory("runs") }

    /// The lock entry of an earlier execution with the same key whose every output is
    /// in the cache, or `nil`. A damaged entry (one that does not parse, or records a
    /// malformed hash) is a miss: nothing it names is ever used.
    package func lookup(_ entry: LockEntry) -> LockEntry? {
        guard let recorded = stored(entry), recorded.outputs.allSatisfy({ cache.contains($0.fingerprint) }) else { return nil }
        return recorded
    }

    /// The stored execution with `entry`'s key, whether or not its outputs are cached.
    package func stored(_ entry: LockEntry) -> LockEntry? {
        let (prefix, name) = Self.location(of: entry)
        guard let bytes = try? runsDirectory()?.directory(prefix)?.readRegularFile(name),
              let recorded = Self.entry(bytes, file: "run-cache"),
              recorded.runCacheKey == entry.runCacheKey,
              !recorded.outputs.isEmpty else { return nil }
        return recorded
    }

    /// Records a successful execution whose outputs are all cached.
    package func record(_ entry: LockEntry) throws {
        guard entry.outputs.allSatisfy(\.fingerprint.isWellFormed) else { return }
        try FileManager.default.createDirectory(atPath: cache.directory, withIntermediateDirectories: true)
        guard let cacheDirectory = DirectoryHandle(path: cache.directory) else {
            throw FileSystemError(operation: "write", path: cache.directory, code: ENOTDIR)
        }
        let (prefix, _) = Self.location(of: entry)
        // Made without following symlinks, so the entry is written inside the cache.
        _ = try cacheDirectory.makeDirectory("runs").makeDirectory(prefix)
        try AtomicFile.replace(JSONWriter.canonical.string(entry.json) + "\n", at: path(for: entry))
    }

    /// Every recorded execution, for garbage collection: the regular files in the
    /// prefix folders (symlinks are never followed) that parse as lock entries.
    package func allEntries() -> [(path: String, entry: LockEntry)] {
        guard let runs = runsDirectory() else { return [] }
        var result: [(String, LockEntry)] = []
        for prefix in runs.entries().sorted(by: { $0.name < $1.name }) where prefix.kind == .directory {
            guard let folder = runs.directory(prefix.name) else { continue }
            for file in folder.entries().sorted(by: { $0.name < $1.name }) where file.kind == .file && !file.name.hasPrefix(".") {
                guard let bytes = try? folder.readRegularFile(file.name),
                      let entry = Self.entry(bytes, file: prefix.name + "/" + file.name) else { continue }
                result.append((folder.path + "/" + file.name, entry))
            }
        }
        return result
    }

    /// Deletes the entry file at `path` (as `allEntries` gives it): only a regular file
    /// in a prefix folder of the run-cache is ever removed.
    package func remove(path: String) throws {
        let name = (path as NSString).lastPathComponent
        let prefixPath = (path as NSString).deletingLastPathComponent
        guard (prefixPath as NSString).deletingLastPathComponent == directory,
              let folder = runsDirectory()?.directory((prefixPath as NSString).lastPathComponent) else {
            throw FileSystemError(operation: "remove", path: path, code: EPERM, detail: "it is not a run-cache entry")
        }
        try folder.removeRegularFile(name)
    }

    /// An entry file's lock entry, or `nil` when it does not parse (a damaged entry is a cache miss).
    private static func entry(_ bytes: [UInt8], file: String) -> LockEntry? {
        guard let json = try? JSONReader.parse(String(decoding: bytes, as: UTF8.self), file: file) else { return nil }
        return try? LockEntry(json: json, stage: file, location: SourceLocation(file: file, line: 1, column: 1))
    }

    /// The recorded executions that need any of `hashes` (objects about to leave the
    /// cache): restoring them would fail, so garbage collection drops them too.
    package func entries(needingAnyOf hashes: Set<String>) -> [(path: String, entry: LockEntry)] {
        allEntries().filter { run in
            run.entry.outputs.contains { !cache.referencedHashes($0.fingerprint).isDisjoint(with: hashes) }
        }
    }
}
