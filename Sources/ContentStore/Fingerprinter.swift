import Basics
import Dispatch
import Synchronization

/// Computes fingerprints of project paths, reading only files whose stat changed.
///
/// A service with state (the stat cache), shared by the threads that hash in
/// parallel; call `save()` to persist what it learned.
public final class Fingerprinter: Sendable {
    /// The project root (absolute).
    public let root: String
    private let cachePath: String?
    private let cache: Mutex<StatCache>

    /// Creates a fingerprinter for `root`, with the stat cache at `statCachePath` (none when `nil`).
    public init(root: String, statCachePath: String?) {
        self.root = root
        self.cachePath = statCachePath
        self.cache = Mutex(statCachePath.map(StatCache.load(from:)) ?? StatCache())
    }

    /// The fingerprint of `path` (relative to the root).
    public func fingerprint(_ path: String) throws -> Fingerprint {
        let full = path == "." ? root : root + "/" + path
        guard let stat = FileStat.readFollowingLinks(full) else { return .missing }
        switch stat.kind {
        case .directory: return Manifest.fingerprint(try manifest(ofDirectory: path))
        case .file:
            let hash = try fileHash(full, key: path, stat: stat)
            return .file(hash: hash, size: stat.size)
        default: return .missing
        }
    }

    /// Fingerprints of several paths, computed in parallel.
    public func fingerprints(_ paths: [String]) throws -> [String: Fingerprint] {
        let unique = Array(Set(paths))
        let results = Mutex([String: Result<Fingerprint, any Error>]())
        DispatchQueue.concurrentPerform(iterations: unique.count) { index in
            let result = Result { try fingerprint(unique[index]) }
            results.withLock { $0[unique[index]] = result }
        }
        return try results.withLock { all in try all.mapValues { try $0.get() } }
    }

    /// The manifest of the directory at `path` (relative to the root); files whose stat
    /// changed are hashed in parallel.
    public func manifest(ofDirectory path: String) throws -> [ManifestEntry] {
        let directory = path == "." ? root : root + "/" + path
        let files = DirectoryWalker.files(under: directory)
        var hashes = [String?](repeating: nil, count: files.count)
        var misses: [Int] = []
        cache.withLock { cache in
            for (index, file) in files.enumerated() {
                hashes[index] = cache.hash(for: path + "/" + file.relativePath, stat: file.stat)
                if hashes[index] == nil { misses.append(index) }
            }
        }
        if !misses.isEmpty {
            let misses = misses
            let computed = Mutex([Int: Result<String, any Error>]())
            DispatchQueue.concurrentPerform(iterations: misses.count) { slot in
                let index = misses[slot], file = files[index]
                let result = Result { try fileHash(directory + "/" + file.relativePath, key: path + "/" + file.relativePath, stat: file.stat) }
                computed.withLock { $0[index] = result }
            }
            for (index, result) in computed.withLock({ $0 }) { hashes[index] = try result.get() }
        }
        return files.enumerated().map { index, file in
            ManifestEntry(relativePath: file.relativePath, hash: hashes[index] ?? "", size: file.stat.size)
        }
    }

    /// Persists the stat cache when it learned something.
    public func save() throws {
        guard let cachePath else { return }
        try cache.withLock { try $0.save(to: cachePath) }
    }

    private func fileHash(_ full: String, key: String, stat: FileStat) throws -> String {
        if let known = cache.withLock({ $0.hash(for: key, stat: stat) }) { return known }
        let (hash, _) = try FileHasher.hash(path: full)
        // A file modified while it was read may hash bytes of two versions; only
        // remember the hash when the stat did not move underneath us.
        if FileStat.readFollowingLinks(full) == stat {
            cache.withLock { $0.record(hash, for: key, stat: stat) }
        }
        return hash
    }
}
