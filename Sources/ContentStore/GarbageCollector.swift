import Basics
import Foundation

/// Removes cache objects nothing refers to any more (`sluice gc`).
package struct GarbageCollector: Sendable {
    /// What a collection removed (or would remove, in a dry run).
    package struct Report: Sendable {
        /// The unreferenced objects.
        package var removed: [CacheStore.Object] = []
        /// Bytes freed.
        package var bytes: Int64 { removed.reduce(0) { $0 + $1.size } }
    }

    let cache: CacheStore

    /// Creates a collector for `cache`.
    package init(cache: CacheStore) { self.cache = cache }

    /// The objects not needed by `keep` (the fingerprints to keep): what `remove` would delete.
    package func unreferenced(keeping keep: [Fingerprint]) -> Report {
        let referenced = keep.reduce(into: Set<String>()) { $0.formUnion(cache.referencedHashes($1)) }
        return Report(removed: cache.objects().filter { !referenced.contains($0.hash) })
    }

    /// Deletes the objects of `report` (regular files in the cache only; see `CacheStore.remove`).
    package func remove(_ report: Report) throws {
        for object in report.removed { try cache.remove(object) }
    }
}
