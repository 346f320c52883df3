import Basics
import ContentStore
import PipelineState
import Pipeline

/// The status of many stages at once, without running anything: what `sluice
/// status` and `sluice repro --dry` show.
package struct StatusPlanner: Sendable {
    /// One stage's status.
    package struct Entry: Sendable {
        /// The stage name.
        package var stage: String
        /// Its own reasons to run, then `upstreamChanged` naming the nearest stale stage
        /// upstream, if any (the first in declaration order among those directly upstream).
        package var reasons: [StaleReason]
        /// Whether it is frozen (never run by repro).
        package var frozen: Bool
        /// Whether it is stale only because something upstream will run.
        package var onlyUpstream: Bool { !reasons.isEmpty && reasons.allSatisfy { if case .upstreamChanged = $0 { true } else { false } } }
    }

    let pipeline: Pipeline
    let lock: LockFile
    let fingerprinter: Fingerprinter

    /// Creates a planner over the workspace as it is now.
    package init(pipeline: Pipeline, lock: LockFile, fingerprinter: Fingerprinter) {
        self.pipeline = pipeline
        self.lock = lock
        self.fingerprinter = fingerprinter
    }

    /// The status of the targets (all stages when empty) and their upstream, in order.
    package func status(targets: [String] = [], downstream: Bool = false, force: Bool = false) throws -> [Entry] {
        let order = try StageSelection.plan(targets, downstream: downstream, in: pipeline)
        let observed = try Observer(pipeline: pipeline, fingerprinter: fingerprinter).observe(order)
        var stale: Set<Int> = []
        var entries: [Entry] = []
        for index in order {
            let stage = pipeline.stages[index]
            let state = observed[index] ?? ObservedState(fingerprints: [:], parameters: [:])
            var reasons = StageStatus.reasons(for: stage, lock: lock.stages[stage.name], observed: state)
            if force && !stage.frozen && reasons.isEmpty { reasons = [.forced] }
            // One upstream reason, naming the nearest stale stage (the first stale one
            // directly upstream): a reason per stale stage made the merge of a fan-out
            // of n stages list n reasons.
            if !stage.frozen, let nearest = pipeline.graph.predecessors[index].first(where: stale.contains) {
                reasons.append(.upstreamChanged(stage: pipeline.stages[nearest].name))
            }
            if !reasons.isEmpty { stale.insert(index) }
            entries.append(Entry(stage: stage.name, reasons: reasons, frozen: stage.frozen))
        }
        return entries
    }
}
