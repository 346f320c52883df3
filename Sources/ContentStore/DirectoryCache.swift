import Basics
import Foundation

/// Remembers each directory's fingerprint with a signature of its listing (every
/// file's path, inode, mtime and size), so an unchanged directory of thousands of
/// files costs one walk and one small hash: no per-file lookups, no manifest.
/// Kept in `.sluice/dir-cache`, one line per directory.
struct DirectoryCache: Sendable {
    struct Entry: Hashable, Sendable {
        var signature: String
        var fingerprint: Fingerprint
    }

    private(set) var entries: [String: Entry] = [:]
    private(set) var isDirty = false

    /// The signature of a listing, in walk order (readdir order is stable for an
    /// unchanged directory; if it ever moves, the signature misses and the directory
    /// is simply fingerprinted the long way).
    static func signature(of files: [DirectoryWalker.Found]) -> String {
        var hasher = SHA256()
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 16)
        for file in files {
            buffer.append(contentsOf: file.relativePath.utf8)
            buffer.append(0)
            withUnsafeBytes(of: file.stat.inode.littleEndian) { buffer.append(contentsOf: $0) }
            withUnsafeBytes(of: file.stat.modified.littleEndian) { buffer.append(contentsOf: $0) }
            withUnsafeBytes(of: file.stat.size.littleEndian) { buffer.append(contentsOf: $0) }
            if buffer.count > 60_000 {
                buffer.withUnsafeBytes { hasher.update($0) }
                buffer.removeAll(keepingCapacity: true)
            }
        }
        buffer.withUnsafeBytes { hasher.update($0) }
        return hasher.finalize().hex
    }

    func fingerprint(for path: String, signature: String) -> Fingerprint? {
        guard let entry = entries[path], entry.signature == signature else { return nil }
        return entry.fingerprint
    }

    mutating func record(_ fingerprint: Fingerprint, for path: String, signature: String) {
        let entry = Entry(signature: signature, fingerprint: fingerprint)
        if entries[path] != entry {
            entries[path] = entry
            isDirty = true
        }
    }

    /// Reads the cache file; a missing file gives an empty cache, a damaged line is skipped.
    static func load(from path: String) -> DirectoryCache {
        var cache = DirectoryCache()
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return cache }
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: false)
            // A line with a malformed hash is dropped like any damaged line: the hash
            // would later name a cache path.
            guard fields.count == 5, ContentHash.isDirectoryHash(fields[1]), let size = Int64(fields[2]), size >= 0,
                  let files = Int(fields[3]), files >= 0 else { continue }
            cache.entries[String(fields[4])] = Entry(
                signature: String(fields[0]), fingerprint: .directory(hash: String(fields[1]), size: size, files: files))
        }
        return cache
    }

    /// Writes the cache file atomically when it changed.
    mutating func save(to path: String) throws {
        guard isDirty else { return }
        var text = ""
        for (directory, entry) in entries.sorted(by: { $0.key < $1.key }) {
            guard case .directory(let hash, let size, let files) = entry.fingerprint, !directory.contains("\n") else { continue }
            text += "\(entry.signature) \(hash) \(size) \(files) \(directory)\n"
        }
        try AtomicFile.replace(text, at: path)
        isDirty = false
    }
}
