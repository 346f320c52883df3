import Basics
import ContentStore
import Foundation
import Pipeline
import PipelineEngine
import PipelineState
import Remote

/// The run-cache on a remote, under the cache's own layout (`runs/ab/cdef…`, as DVC
/// keeps `runs/` on its remotes): `push|fetch|pull --run-cache` move the entries of the
/// chosen stages and the objects their outputs need, so a stage run on one machine is
/// restored, not re-run, on another.
extension RemoteSync {
    /// Uploads the chosen stages' run-cache entries the remote lacks, and their outputs' objects.
    package func pushRunCache(targets: [String]) throws -> ObjectTransfer.Summary {
        let transfer = try transfer(), runCache = RunCache(cache: transfer.cache)
        let belongs = try stageMatcher(targets)
        let entries = runCache.keyedEntries().filter { belongs($0.entry) }
        do throws(RemoteError) {
            // Objects first: an entry on the remote then never names an object it lacks.
            var summary = try transfer.push(entries.flatMap { $0.entry.outputs.compactMap(\.fingerprint.hash) })
            let files = transfer.pushFiles(entries.map(\.key), present: try transfer.remoteKeys(under: "runs/"))
            summary.add(files)
            return summary
        } catch {
            throw error.diagnostic
        }
    }

    /// Downloads the remote's run-cache entries of the chosen stages that the local cache
    /// lacks, and the objects their outputs need.
    package func fetchRunCache(targets: [String]) throws -> ObjectTransfer.Summary {
        let transfer = try transfer(), runCache = RunCache(cache: transfer.cache)
        let belongs = try stageMatcher(targets)
        do throws(RemoteError) {
            let keys = try transfer.remoteKeys(under: "runs/").filter(RunCache.isEntryKey).sorted()
            // An entry is small; whether it belongs to a chosen stage shows only in its content.
            var summary = transfer.pullFiles(keys) { file, key in
                guard let entry = RunCache.verifiedEntry(at: file, key: key) else { return .damaged }
                return belongs(entry) ? .keep : .drop
            }
            let hashes = runCache.keyedEntries().filter { belongs($0.entry) }.flatMap { $0.entry.outputs.compactMap(\.fingerprint.hash) }
            summary.add(try transfer.pull(hashes))
            return summary
        } catch {
            throw error.diagnostic
        }
    }

    /// The hook `repro --pull` gives the reproducer: for a stale stage's run-cache key,
    /// the entry from the remote when the local cache lacks it, then the objects its
    /// outputs need. Anything the remote does not have is a miss (the stage runs).
    package func runCacheFill() throws -> RunCacheFill {
        let transfer = try transfer(), runCache = RunCache(cache: transfer.cache)
        return { key in
            if runCache.stored(key) == nil {
                _ = transfer.pullFiles([RunCache.key(for: key)]) { file, name in RunCache.verifiedEntry(at: file, key: name) != nil ? .keep : .damaged }
            }
            guard let recorded = runCache.stored(key), runCache.lookup(key) == nil else { return }
            _ = try? transfer.pull(recorded.outputs.compactMap(\.fingerprint.hash))
        }
    }

    /// Whether a run-cache entry records an execution of one of the chosen stages (every
    /// stage when `targets` is empty): the same commands, dependency and output paths.
    private func stageMatcher(_ targets: [String]) throws -> @Sendable (LockEntry) -> Bool {
        guard !targets.isEmpty else { return { _ in true } }
        let pipeline = try workspace.loadPipeline()
        let shapes = Set(try StageSelection.resolve(targets, in: pipeline).map { index in
            let stage = pipeline.stages[index]
            return StageShape(commands: stage.commands, dependencies: Set(stage.dependencies.map(\.declaredPath)),
                              outputs: Set(stage.outputs.map(\.declaredPath)))
        })
        return { entry in
            shapes.contains(StageShape(commands: entry.commands, dependencies: Set(entry.dependencies.map(\.path)),
                                       outputs: Set(entry.outputs.map(\.path))))
        }
    }
}

/// What identifies a stage in a run-cache entry.
private struct StageShape: Hashable, Sendable {
    var commands: [String]
    var dependencies: Set<String>
    var outputs: Set<String>
}

extension ObjectTransfer.Summary {
    /// Adds another transfer's counts and failures to these.
    mutating func add(_ other: ObjectTransfer.Summary) {
        transferred += other.transferred
        skipped += other.skipped
        failures += other.failures
    }
}
