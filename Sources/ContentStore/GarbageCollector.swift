import Basics
import Foundation

/// Removes cache objects nothing refers to any more (`sluice gc`).
public struct GarbageCollector: Sendable {
    /// What a collection removed (or would remove, in a dry run).
    public struct Report: Sendable {
        /// The unreferenced objects.
        public var removed: [CacheStore.Object] = []
        /// Run-cache entries dropped because their outputs are gone.
        public var droppedRuns = 0
        /// Bytes freed.
        public var bytes: Int64 { removed.reduce(0) { $0 + $1.size } }
    }

    let cache: CacheStore

    /// Creates a collector for `cache`.
    public init(cache: CacheStore) { self.cache = cache }

    /// Removes every object not needed by `keep` (the fingerprints to keep), and the
    /// run-cache entries that needed a removed object. With `dryRun`, removes nothing.
    public func collect(keeping keep: [Fingerprint], dryRun: Bool) throws -> Report {
        let referenced = keep.reduce(into: Set<String>()) { $0.formUnion(cache.referencedHashes($1)) }
        var report = Report()
        report.removed = cache.objects().filter { !referenced.contains($0.hash) }
        let runCache = RunCache(cache: cache)
        let removedHashes = Set(report.removed.map(\.hash))
        let staleRuns = runCache.allEntries().filter { run in
            run.entry.outputs.contains { !cache.referencedHashes($0.fingerprint).isDisjoint(with: removedHashes) }
        }
        report.droppedRuns = staleRuns.count
        guard !dryRun else { return report }
        for object in report.removed { try FileManager.default.removeItem(atPath: object.path) }
        for run in staleRuns { try FileManager.default.removeItem(atPath: run.path) }
        return report
    }
}
