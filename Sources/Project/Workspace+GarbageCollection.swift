import Basics
import ContentStore
import Foundation
import PipelineState
import RunStore

/// What `sluice gc` removed, or would remove in a dry run.
package struct GarbageReport: Sendable {
    /// The cache objects nothing keeps.
    package var objects: GarbageCollector.Report
    /// Run-cache entries that needed one of those objects.
    package var runCacheEntries: Int
}

extension Workspace {
    /// Removes the cached versions that neither the lock files (one per pipeline file),
    /// nor the lock files of the last `keepRuns` recorded runs, nor `keeping` (the lock
    /// files of kept experiments) use, with the run-cache entries that needed them. With
    /// `dryRun`, removes nothing and says what would go.
    package func collectGarbage(keepRuns: Int, dryRun: Bool, keeping: [LockFile] = []) throws -> GarbageReport {
        var locks = Array(try loadLocks().files.values) + keeping
        // Oldest first by start time: ids alone do not order runs started in the same second.
        for run in RunStore(directory: runsDirectory).runs().runs.suffix(keepRuns) {
            let copy = run.directory + "/" + RunRecorder.lockCopyName
            if let lock = try? LockFile.read(path: copy, displayName: copy) { locks.append(lock) }
        }
        let keep = locks.flatMap { $0.stages.values.flatMap { $0.outputs.map(\.fingerprint) } }
        let cache = try cacheStore()
        let collector = GarbageCollector(cache: cache)
        let objects = collector.unreferenced(keeping: keep)
        let runCache = RunCache(cache: cache)
        let staleRuns = runCache.entries(needingAnyOf: Set(objects.removed.map(\.hash)))
        if !dryRun {
            for run in staleRuns { try runCache.remove(path: run.path) }
            try collector.remove(objects)
        }
        return GarbageReport(objects: objects, runCacheEntries: staleRuns.count)
    }
}
