import Basics
import Dispatch
import Foundation
import Synchronization

/// Computes fingerprints of project paths, reading only files whose stat changed.
///
/// A service with state (the stat cache), shared by the threads that hash in
/// parallel; call `save()` to persist what it learned.
package final class Fingerprinter: Sendable {
    /// The project root (absolute).
    package let root: String
    private let cachePath: String?
    /// Per-file stat caches by scope (a directory's path, or "" for files named
    /// directly), each loaded on first use: an unchanged directory never loads its
    /// thousands of per-file entries.
    private let caches = Mutex<[String: StatCache]>([:])
    private let directories: Mutex<DirectoryCache>

    /// Creates a fingerprinter for `root`, with the stat cache at `statCachePath` (none
    /// when `nil`) and the directory cache beside it.
    package init(root: String, statCachePath: String?) {
        self.root = root
        self.cachePath = statCachePath
        self.directories = Mutex(statCachePath.map { DirectoryCache.load(from: Self.directoryCachePath($0)) } ?? DirectoryCache())
    }

    private static func directoryCachePath(_ statCachePath: String) -> String {
        (statCachePath as NSString).deletingLastPathComponent + "/dir-cache"
    }

    /// Where the stat cache of `scope` lives: `stat-cache` for files named directly,
    /// `stat-cache.d/<hash of the directory path>` for the files inside a directory.
    private static func statCachePath(_ base: String, scope: String) -> String {
        scope.isEmpty ? base : base + ".d/" + String(SHA256.hash(Array(scope.utf8)).hex.prefix(24))
    }

    /// Runs `body` on the stat cache of `scope`, loading it first if needed.
    private func withStatCache<T>(_ scope: String, _ body: (inout StatCache) throws -> T) rethrows -> T {
        try caches.withLock { caches in
            if caches[scope] == nil {
                caches[scope] = cachePath.map { StatCache.load(from: Self.statCachePath($0, scope: scope)) } ?? StatCache()
            }
            return try body(&caches[scope]!)
        }
    }

    /// `path` (relative to the root, or absolute for a path outside it) as an absolute path.
    private func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : path == "." ? root : root + "/" + path
    }

    /// The fingerprint of `path` (relative to the root, or absolute).
    package func fingerprint(_ path: String) throws -> Fingerprint {
        let full = absolute(path)
        guard let stat = FileStat.readFollowingLinks(full) else { return .missing }
        switch stat.kind {
        case .directory:
            let files = DirectoryWalker.files(under: full, sorted: false)
            let signature = DirectoryCache.signature(of: files)
            if let known = directories.withLock({ $0.fingerprint(for: path, signature: signature) }) { return known }
            let fingerprint = Manifest.fingerprint(try manifest(ofDirectory: path, files: files))
            directories.withLock { $0.record(fingerprint, for: path, signature: signature) }
            return fingerprint
        case .file:
            let hash = try fileHash(full, scope: "", key: path, stat: stat)
            return .file(hash: hash, size: stat.size)
        default: return .missing
        }
    }

    /// Fingerprints of several paths, computed in parallel.
    package func fingerprints(_ paths: [String]) throws -> [String: Fingerprint] {
        let unique = Array(Set(paths))
        let results = Mutex([String: Result<Fingerprint, any Error>]())
        DispatchQueue.concurrentPerform(iterations: unique.count) { index in
            let result = Result { try fingerprint(unique[index]) }
            results.withLock { $0[unique[index]] = result }
        }
        return try results.withLock { all in try all.mapValues { try $0.get() } }
    }

    /// The manifest of the directory at `path` (relative to the root, or absolute); files
    /// whose stat changed are hashed in parallel.
    package func manifest(ofDirectory path: String) throws -> [ManifestEntry] {
        let directory = absolute(path)
        return try manifest(ofDirectory: path, files: DirectoryWalker.files(under: directory, sorted: false))
    }

    private func manifest(ofDirectory path: String, files: [DirectoryWalker.Found]) throws -> [ManifestEntry] {
        let directory = absolute(path)
        let files = files.sorted { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
        var hashes = [String?](repeating: nil, count: files.count)
        var misses: [Int] = []
        withStatCache(path) { cache in
            for (index, file) in files.enumerated() {
                hashes[index] = cache.hash(for: file.relativePath, stat: file.stat)
                if hashes[index] == nil { misses.append(index) }
            }
        }
        if !misses.isEmpty {
            let misses = misses
            let computed = Mutex([Int: Result<String, any Error>]())
            DispatchQueue.concurrentPerform(iterations: misses.count) { slot in
                let index = misses[slot], file = files[index]
                let result = Result { try fileHash(directory + "/" + file.relativePath, scope: path, key: file.relativePath, stat: file.stat) }
                computed.withLock { $0[index] = result }
            }
            for (index, result) in computed.withLock({ $0 }) { hashes[index] = try result.get() }
        }
        return files.enumerated().map { index, file in
            ManifestEntry(relativePath: file.relativePath, hash: hashes[index] ?? "", size: file.stat.size)
        }
    }

    /// Persists the stat cache when it learned something.
    package func save() throws {
        guard let cachePath else { return }
        try caches.withLock { caches in
            for (scope, _) in caches { try caches[scope]?.save(to: Self.statCachePath(cachePath, scope: scope)) }
        }
        try directories.withLock { try $0.save(to: Self.directoryCachePath(cachePath)) }
    }

    private func fileHash(_ full: String, scope: String, key: String, stat: FileStat) throws -> String {
        if let known = withStatCache(scope, { $0.hash(for: key, stat: stat) }) { return known }
        let (hash, _) = try FileHasher.hash(path: full)
        // A file modified while it was read may hash bytes of two versions; only
        // remember the hash when the stat did not move underneath us.
        if FileStat.readFollowingLinks(full) == stat {
            withStatCache(scope) { $0.record(hash, for: key, stat: stat) }
        }
        return hash
    }
}
