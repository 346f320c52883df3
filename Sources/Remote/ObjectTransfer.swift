import Basics
import ContentStore
import Foundation

/// Moves cache objects between the local cache and a remote: exactly the objects
/// asked for (a directory's manifest and every file in it), skipping those the other
/// side has (one listing of the remote), several at a time. Every downloaded object is
/// hashed again before it enters the cache; one that does not match its name is an
/// error and is not kept.
package struct ObjectTransfer: Sendable {
    /// The local cache.
    package let cache: CacheStore
    /// The other side.
    package let remote: any RemoteStorage
    /// Objects moved at once.
    package let jobs: Int

    /// What a push or pull did.
    package struct Summary: Sendable, Equatable {
        /// Objects moved.
        package var transferred = 0
        /// Objects the other side already had.
        package var skipped = 0
        /// Objects that could not be moved, each naming the remote and the object.
        package var failures: [RemoteError] = []

        /// A summary with these counts.
        package init(transferred: Int = 0, skipped: Int = 0, failures: [RemoteError] = []) {
            self.transferred = transferred
            self.skipped = skipped
            self.failures = failures
        }
    }

    /// A transfer between `cache` and `remote`, `jobs` objects at a time.
    package init(cache: CacheStore, remote: any RemoteStorage, jobs: Int = 8) {
        self.cache = cache
        self.remote = remote
        self.jobs = max(1, jobs)
    }

    /// The key of the object for `hash` (`files/sha256/ab/cdef…`), as in the local cache.
    package static func key(_ hash: String) -> String {
        "files/sha256/\(hash.prefix(2))/\(hash.dropFirst(2))"
    }

    /// Every hash `hashes` stands for: each one, and the files of each directory's manifest
    /// (read from the local cache; a manifest it lacks counts for itself only).
    package func expanded(_ hashes: [String]) -> [String] {
        var all: [String] = [], seen: Set<String> = []
        for hash in hashes where ContentHash.isValid(hash) && seen.insert(hash).inserted {
            all.append(hash)
            guard ContentHash.isDirectoryHash(hash), let entries = try? cache.manifest(hash) else { continue }
            for entry in entries where seen.insert(entry.hash).inserted { all.append(entry.hash) }
        }
        return all
    }

    /// Uploads the objects of `hashes` that the local cache has and the remote lacks;
    /// `progress` hears how far it has come, from any thread.
    package func push(_ hashes: [String], progress: @escaping @Sendable (TransferProgress) -> Void = { _ in }) throws(RemoteError) -> Summary {
        let present = try remote.keys(under: "files/sha256/")
        let wanted = expanded(hashes).filter { (try? cache.objectPath($0)).map(FileManager.default.fileExists) ?? false }
        let missing = wanted.filter { !present.contains(Self.key($0)) }
        var summary = Summary(skipped: wanted.count - missing.count)
        // `wanted` holds only hashes whose object path exists.
        let items = missing.compactMap { hash in (try? cache.objectPath(hash)).map { (file: $0, key: Self.key(hash)) } }
        let bytes = items.reduce(Int64(0)) { $0 + (LocalFile.size($1.file) ?? 0) }
        let tracker = ProgressTracker(TransferProgress(objectsTotal: items.count, bytesTotal: bytes), report: progress)
        let results = remote.upload(items, jobs: jobs, moved: tracker.moved)
        summary.failures = results.compactMap { $0 }
        summary.transferred = missing.count - summary.failures.count
        return summary
    }
}
