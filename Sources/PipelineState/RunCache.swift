import Basics
import ContentStore
import Foundation

/// Earlier executions of stages, keyed by what determined their outputs: the lock
/// entry without outputs (command, dependency hashes, parameter values). When a key
/// comes back (a parameter changed and changed back, a lock file was deleted) and
/// the outputs it recorded are in the cache, they are restored instead of re-running.
///
/// Entries live in `.sluice/cache/runs/<first two hex>/<rest>` as JSON lock entries.
public struct RunCache: Sendable {
    /// The content cache that holds the outputs.
    public let cache: CacheStore

    /// Creates a run-cache stored beside `cache`'s objects.
    public init(cache: CacheStore) { self.cache = cache }

    /// The run-cache directory.
    public var directory: String { cache.directory + "/runs" }

    /// The file recording executions with `entry`'s key.
    func path(for entry: LockEntry) -> String {
        let key = SHA256.hash(Array(entry.runCacheKey.utf8)).hex
        return "\(directory)/\(key.prefix(2))/\(key.dropFirst(2))"
    }

    /// The lock entry of an earlier execution with the same key whose every output is
    /// in the cache, or `nil`.
    public func lookup(_ entry: LockEntry) -> LockEntry? {
        guard let data = FileManager.default.contents(atPath: path(for: entry)),
              let recorded = Self.entry(data, file: "run-cache"),
              recorded.runCacheKey == entry.runCacheKey,
              !recorded.outputs.isEmpty,
              recorded.outputs.allSatisfy({ cache.contains($0.fingerprint) }) else { return nil }
        return recorded
    }

    /// Records a successful execution whose outputs are all cached.
    public func record(_ entry: LockEntry) throws {
        try AtomicFile.write(JSONWriter.canonical.string(entry.json) + "\n", to: path(for: entry))
    }

    /// Every recorded execution, for garbage collection.
    public func allEntries() -> [(path: String, entry: LockEntry)] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var result: [(String, LockEntry)] = []
        for case let relative as String in enumerator {
            let full = directory + "/" + relative
            guard let data = FileManager.default.contents(atPath: full),
                  let entry = Self.entry(data, file: relative) else { continue }
            result.append((full, entry))
        }
        return result
    }

    /// An entry file's lock entry, or `nil` when it does not parse (a damaged entry is a cache miss).
    private static func entry(_ data: Data, file: String) -> LockEntry? {
        guard let json = try? JSONReader.parse(String(decoding: data, as: UTF8.self), file: file) else { return nil }
        return try? LockEntry(json: json, stage: file, location: SourceLocation(file: file, line: 1, column: 1))
    }

    /// The recorded executions that need any of `hashes` (objects about to leave the
    /// cache): restoring them would fail, so garbage collection drops them too.
    public func entries(needingAnyOf hashes: Set<String>) -> [(path: String, entry: LockEntry)] {
        allEntries().filter { run in
            run.entry.outputs.contains { !cache.referencedHashes($0.fingerprint).isDisjoint(with: hashes) }
        }
    }
}
