import Basics
import Foundation

/// Remembers the hash of each file by its (inode, mtime, size), so unchanged files
/// are never read again. Kept in `.sluice/stat-cache`, one line per file.
package struct StatCache: Sendable {
    struct Entry: Hashable, Sendable {
        var inode: UInt64
        var modified: Int64
        var size: Int64
        var hash: String
    }

    private(set) var entries: [String: Entry] = [:]
    /// Whether anything changed since it was loaded.
    private(set) var isDirty = false

    /// An empty cache.
    package init() {}

    /// The cached hash of `path` when its stat still matches.
    func hash(for path: String, stat: FileStat) -> String? {
        guard let entry = entries[path], entry.inode == stat.inode, entry.modified == stat.modified,
              entry.size == stat.size else { return nil }
        return entry.hash
    }

    /// Records the hash of `path` at `stat`.
    mutating func record(_ hash: String, for path: String, stat: FileStat) {
        let entry = Entry(inode: stat.inode, modified: stat.modified, size: stat.size, hash: hash)
        if entries[path] != entry {
            entries[path] = entry
            isDirty = true
        }
    }

    /// Reads the cache file; a missing or damaged file gives an empty cache (it is only a cache).
    package static func load(from path: String) -> StatCache {
        var cache = StatCache()
        guard let data = FileManager.default.contents(atPath: path) else { return cache }
        data.withUnsafeBytes { raw in
            for line in raw.split(separator: UInt8(ascii: "\n")) {
                let fields = line.split(separator: UInt8(ascii: " "), maxSplits: 4, omittingEmptySubsequences: false)
                guard fields.count == 5,
                      let inode = UInt64(String(decoding: fields[0], as: UTF8.self)),
                      let modified = Int64(String(decoding: fields[1], as: UTF8.self)),
                      let size = Int64(String(decoding: fields[2], as: UTF8.self)),
                      // A malformed hash would later name a cache path: the line is damaged.
                      fields[3].count == 64, ContentHash.isFileHash(String(decoding: fields[3], as: UTF8.self)) else { continue }
                cache.entries[String(decoding: fields[4], as: UTF8.self)] = Entry(
                    inode: inode, modified: modified, size: size, hash: String(decoding: fields[3], as: UTF8.self))
            }
        }
        return cache
    }

    /// Writes the cache file atomically when it changed.
    package mutating func save(to path: String) throws {
        guard isDirty else { return }
        var text = ""
        text.reserveCapacity(entries.count * 120)
        for (file, entry) in entries.sorted(by: { $0.key < $1.key }) where !file.contains("\n") {
            text += "\(entry.inode) \(entry.modified) \(entry.size) \(entry.hash) \(file)\n"
        }
        try AtomicFile.replace(text, at: path)
        isDirty = false
    }

    /// Drops entries for which `keep` is false (e.g. files that no longer exist).
    mutating func prune(keeping keep: (String) -> Bool) {
        let before = entries.count
        entries = entries.filter { keep($0.key) }
        if entries.count != before { isDirty = true }
    }
}
