import Basics
import ContentStore
import PipelineState
import Pipeline

/// Makes the workspace match the lock file from the cache (`sluice checkout`).
package struct Checkout: Sendable {
    /// What a checkout did.
    package struct Report: Sendable {
        /// Outputs put back from the cache (root-relative paths).
        package var restored: [String] = []
        /// Outputs whose recorded version is not in the cache.
        package var missing: [String] = []
        /// Outputs that already matched.
        package var unchanged: [String] = []

        /// The report as JSON.
        package var json: JSONValue {
            .object(["restored": .array(restored.map(JSONValue.string)), "missing": .array(missing.map(JSONValue.string)),
                     "unchanged": .array(unchanged.map(JSONValue.string))])
        }
    }

    let pipeline: Pipeline
    let locks: LockSet
    let fingerprinter: Fingerprinter
    let cache: CacheStore

    /// Creates a checkout of `pipeline`'s recorded outputs; `locks` holds the lock file
    /// of each pipeline file.
    package init(pipeline: Pipeline, locks: LockSet, fingerprinter: Fingerprinter, cache: CacheStore) {
        self.pipeline = pipeline
        self.locks = locks
        self.fingerprinter = fingerprinter
        self.cache = cache
    }

    /// Restores every cached output of the targets (all stages when empty) that differs from the lock;
    /// with `includeUncached`, also outputs declared `cache: false` whose recorded version the cache
    /// holds all the same (an experiment keeps them there so it can be applied).
    package func run(targets: [String], includeUncached: Bool = false) throws -> Report {
        var report = Report()
        let outputGuard = OutputGuard(pipeline: pipeline)
        for index in try StageSelection.resolve(targets, in: pipeline) {
            let stage = pipeline.stages[index]
            guard let entry = locks.entry(lock: LockSet.lockPath(forPipelineFile: stage.file), stage: stage.name) else { continue }
            let recordedOutputs = entry.outputLookup
            // Nothing outside the project root is ever written, so none is checked out.
            for output in stage.outputs where (output.cache || includeUncached) && !output.isExternal {
                guard let recorded = recordedOutputs[output.declaredPath]?.fingerprint, recorded.exists else { continue }
                if try fingerprinter.fingerprint(output.path) == recorded {
                    report.unchanged.append(output.path)
                } else if cache.contains(recorded) {
                    try outputGuard.check(output, of: stage.address)
                    try cache.restore(recorded, at: output.path, root: pipeline.root)
                    report.restored.append(output.path)
                } else {
                    report.missing.append(output.path)
                }
            }
        }
        try fingerprinter.save()
        return report
    }
}
