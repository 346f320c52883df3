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
        /// What could not be moved, each naming the remote and the object (or pack).
        package var failures: [RemoteError] = []

        /// How many objects could not be moved.
        package var failedObjects: Int { failures.reduce(0) { $0 + $1.objectCount } }

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

    /// Uploads the objects of `hashes` that the local cache has and the remote lacks,
    /// many small ones together as packs (their indexes after them); `progress` hears
    /// how far it has come, from any thread.
    package func push(_ hashes: [String], progress: @escaping @Sendable (TransferProgress) -> Void = { _ in }) throws(RemoteError) -> Summary {
        let inventory = try inventory()
        let wanted = expanded(hashes).filter(hasLocally)
        let missing = wanted.filter { !inventory.contains($0) }
        var summary = Summary(skipped: wanted.count - missing.count)
        // `wanted` holds only hashes whose object path exists.
        let objects = missing.compactMap { hash in
            (try? cache.objectPath(hash)).map { LocalObject(hash: hash, file: $0, size: LocalFile.size($0) ?? 0) }
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("sluice-packs-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let (loose, groups) = Self.packGroups(objects)
        var packs: [WrittenPack] = []
        if !groups.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
            } catch {
                throw RemoteError(remote: remote.displayName, "cannot make a scratch folder for packs: \(error.localizedDescription)")
            }
            let written = Parallel.map(groups.count, threads: min(groups.count, 2)) { writePack(groups[$0], into: scratch) }
            packs = written.compactMap(\.pack)
            summary.failures += written.flatMap(\.failures)
        }
        let items = loose.map { (file: $0.file, key: Self.key($0.hash)) } + packs.map { (file: $0.packFile, key: PackIndex.packKey($0.name)) }
        let counts = loose.map { _ in 1 } + packs.map(\.hashes.count)
        let bytes = objects.reduce(Int64(0)) { $0 + $1.size }
        let tracker = ProgressTracker(TransferProgress(objectsTotal: objects.count, bytesTotal: bytes), report: progress)
        let results = remote.upload(items, jobs: jobs, moved: tracker.moved(objects: counts))
        summary.failures += results.prefix(loose.count).compactMap { $0 }
        // A pack counts once its index is up: the indexes of the packs that went up, then.
        var sent: [WrittenPack] = []
        for (pack, outcome) in zip(packs, results.dropFirst(loose.count)) {
            if let outcome { summary.failures.append(outcome.counting(pack.hashes.count)) } else { sent.append(pack) }
        }
        let indexes = remote.upload(sent.map { (file: $0.indexFile, key: PackIndex.indexKey($0.name)) }, jobs: jobs)
        for (pack, outcome) in zip(sent, indexes) {
            if let outcome {
                summary.failures.append(outcome.counting(pack.hashes.count))
            } else {
                // This cache knows the index now: later transfers need not fetch it.
                rememberIndex(pack.indexFile, name: pack.name)
            }
        }
        summary.transferred = objects.count - summary.failedObjects
        return summary
    }
}
