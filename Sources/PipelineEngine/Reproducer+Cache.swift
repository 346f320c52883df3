import Basics
import ContentStore
import PipelineState
import Pipeline

/// Restoring outputs from the cache instead of running, and caching after a run.
extension Reproducer {
    /// When the only changes are outputs deleted or edited by hand and the recorded
    /// versions are cached, puts them back (as DVC does) and returns the outcome.
    func restoreRecordedOutputs(_ stage: StageSpec, reasons: [StaleReason], lock entry: LockEntry?) throws -> StageOutcome? {
        guard let cache, let entry, !reasons.isEmpty, reasons.allSatisfy({
            if case .outputDeleted = $0 { true } else if case .outputModified = $0 { true } else { false }
        }) else { return nil }
        let changedPaths = Set(reasons.compactMap { reason -> String? in
            switch reason {
            case .outputDeleted(let path), .outputModified(let path): path
            default: nil
            }
        })
        let changed = stage.outputs.filter { changedPaths.contains($0.declaredPath) }
        let recordedOutputs = entry.outputLookup
        let recorded = changed.compactMap { output in recordedOutputs[output.declaredPath].map { (output, $0.fingerprint) } }
        guard recorded.count == changed.count, recorded.allSatisfy({ $0.0.cache && cache.contains($0.1) }) else { return nil }
        for (output, fingerprint) in recorded {
            try outputGuard.check(output, of: stage.address)
            try cache.restore(fingerprint, at: output.path, root: pipeline.root)
        }
        var outcome = StageOutcome(stage: stage.address, action: .restored, reasons: reasons)
        outcome.message = "restored from the cache"
        return outcome
    }

    /// When an earlier execution had exactly these inputs and its outputs are cached,
    /// restores them, records that execution in the lock file and returns the outcome.
    func restoreFromRunCache(_ stage: StageSpec, reasons: [StaleReason], observed: ObservedState) throws -> StageOutcome? {
        guard let runCache, !stage.alwaysChanged, !stage.outputs.isEmpty, stage.outputs.allSatisfy(\.cache) else { return nil }
        let key = runCacheKey(stage, observed: observed)
        runCacheFill?(key)
        guard let recorded = runCache.lookup(key),
              Set(recorded.outputs.map(\.path)) == Set(stage.outputs.map(\.declaredPath)) else { return nil }
        let recordedOutputs = recorded.outputLookup
        for output in stage.outputs {
            guard let fingerprint = recordedOutputs[output.declaredPath]?.fingerprint else { return nil }
            if observed.fingerprints[output.path] != fingerprint {
                try outputGuard.check(output, of: stage.address)
                try runCache.cache.restore(fingerprint, at: output.path, root: pipeline.root)
            }
        }
        try record(recorded, for: stage)
        var outcome = StageOutcome(stage: stage.address, action: .restored, reasons: reasons)
        outcome.message = "restored from run-cache"
        return outcome
    }

    /// Runs `body` (the run-cache lookup and the execution of `stage`) while no reproducer
    /// sharing the gate handles the same execution: a second one waits, then finds the
    /// first one's outputs in the run-cache.
    func exclusively(_ stage: StageSpec, observed: ObservedState, _ body: () throws -> StageOutcome) throws -> StageOutcome {
        guard let gate, runCache != nil else { return try body() }
        return try gate.exclusive(runCacheKey(stage, observed: observed).runCacheKey, body)
    }

    /// The run-cache key of `stage` with the inputs `observed`: the lock entry without outputs.
    private func runCacheKey(_ stage: StageSpec, observed: ObservedState) -> LockEntry {
        LockEntry(
            commands: stage.commands,
            dependencies: stage.dependencies.map { LockedPath(path: $0.declaredPath, fingerprint: observed.fingerprints[$0.path] ?? .missing) },
            parameters: observed.parameters)
    }

    /// Stores a successful stage's cached outputs and, when all are cached, its run.
    func cacheOutputs(of stage: StageSpec, entry: LockEntry) throws {
        guard let cache else { return }
        let recordedOutputs = entry.outputLookup
        for output in stage.outputs where output.cache {
            guard let fingerprint = recordedOutputs[output.declaredPath]?.fingerprint else { continue }
            let manifest = if case .directory = fingerprint { try fingerprinter.manifest(ofDirectory: output.path) } else { [ManifestEntry]() }
            try cache.save(pipeline.root + "/" + output.path, fingerprint: fingerprint, manifest: manifest)
        }
        if let runCache, !stage.alwaysChanged, !stage.outputs.isEmpty, stage.outputs.allSatisfy(\.cache) {
            try runCache.record(entry)
        }
    }

    /// Records `entry` for `stage` in the lock file of its pipeline file (written now or soon, atomically).
    func record(_ entry: LockEntry, for stage: StageSpec) throws {
        try lockWriter.record(entry, lock: LockSet.lockPath(forPipelineFile: stage.file), stage: stage.name)
    }
}
