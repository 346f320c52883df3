import Basics
import Foundation

/// The run-cache's entries named as a remote names them: by their path under the
/// cache directory (`runs/ab/cdef…`), the same on every machine.
extension RunCache {
    /// The cache-relative key of the entry file for `entry`'s run-cache key.
    package static func key(for entry: LockEntry) -> String {
        let hash = SHA256.hash(Array(entry.runCacheKey.utf8)).hex
        return "runs/\(hash.prefix(2))/\(hash.dropFirst(2))"
    }

    /// Whether `key` has the shape of an entry key (`runs/`, two hex digits, `/`, 62 hex
    /// digits): a key from a remote listing that is not one is never written locally.
    package static func isEntryKey(_ key: String) -> Bool {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        let hex = { (part: Substring, count: Int) in part.count == count && part.allSatisfy(\.isHexDigit) && part == part.lowercased() }
        return parts.count == 3 && parts[0] == "runs" && hex(parts[1], 2) && hex(parts[2], 62)
    }

    /// The entry in the file at `path` when it parses and its key is `key` (a downloaded
    /// entry whose content does not match its name is refused), else `nil`.
    package static func verifiedEntry(at path: String, key: String) -> LockEntry? {
        guard let data = FileManager.default.contents(atPath: path),
              let json = try? JSONReader.parse(String(decoding: data, as: UTF8.self), file: key),
              let entry = try? LockEntry(json: json, stage: key, location: SourceLocation(file: key, line: 1, column: 1)),
              !entry.outputs.isEmpty, Self.key(for: entry) == key else { return nil }
        return entry
    }

    /// Every stored entry with its cache-relative key.
    package func keyedEntries() -> [(key: String, entry: LockEntry)] {
        allEntries().compactMap { stored in
            guard stored.path.hasPrefix(cache.directory + "/") else { return nil }
            return (String(stored.path.dropFirst(cache.directory.count + 1)), stored.entry)
        }
    }
}
