import Basics
import ContentStore
import PipelineState
import Pipeline

/// The status of many stages at once, without running anything: what `sluice
/// status` and `sluice repro --dry` show.
package struct StatusPlanner: Sendable {
    /// One stage's status.
    package struct Entry: Sendable {
        /// The stage's address.
        package var stage: String
        /// Its own reasons to run, then `upstreamChanged` naming the nearest stale stage
        /// upstream, if any (the first in declaration order among those directly upstream).
        package var reasons: [StaleReason]
        /// Whether it is frozen (never run by repro).
        package var frozen: Bool
        /// Its dependencies outside the project root, by declared path: reasons naming
        /// them are shown as external.
        package var externalDependencies: Set<String> = []

        /// Whether `reason` is about a dependency outside the project root.
        package func isExternal(_ reason: StaleReason) -> Bool {
            switch reason {
            case .dependencyModified(let path), .dependencyDeleted(let path), .dependencyAdded(let path):
                externalDependencies.contains(path)
            default: false
            }
        }
        /// Whether it is stale only because something upstream will run.
        package var onlyUpstream: Bool { !reasons.isEmpty && reasons.allSatisfy { if case .upstreamChanged = $0 { true } else { false } } }
    }

    let pipeline: Pipeline
    let locks: LockSet
    let fingerprinter: Fingerprinter

    /// Creates a planner over the workspace as it is now; `locks` holds the lock file
    /// of each pipeline file.
    package init(pipeline: Pipeline, locks: LockSet, fingerprinter: Fingerprinter) {
        self.pipeline = pipeline
        self.locks = locks
        self.fingerprinter = fingerprinter
    }

    /// The status of the targets (all stages when empty; folders when `recursive`) and
    /// their upstream (unless `singleItem`), in order.
    package func status(targets: [String] = [], recursive: Bool = false, downstream: Bool = false, singleItem: Bool = false,
                        force: Bool = false) throws -> [Entry] {
        let order = try StageSelection.plan(targets, recursive: recursive, downstream: downstream, singleItem: singleItem, in: pipeline)
        let observed = try Observer(pipeline: pipeline, fingerprinter: fingerprinter).observe(order)
        var stale: Set<Int> = []
        var entries: [Entry] = []
        for index in order {
            let stage = pipeline.stages[index]
            let state = observed[index] ?? ObservedState(fingerprints: [:], parameters: [:])
            let recorded = locks.entry(lock: LockSet.lockPath(forPipelineFile: stage.file), stage: stage.name)
            var reasons = StageStatus.reasons(for: stage, lock: recorded, observed: state)
            if force && !stage.frozen && reasons.isEmpty { reasons = [.forced] }
            // One upstream reason, naming the nearest stale stage (the first stale one
            // directly upstream): a reason per stale stage made the merge of a fan-out
            // of n stages list n reasons.
            if !stage.frozen, let nearest = pipeline.graph.predecessors[index].first(where: stale.contains) {
                reasons.append(.upstreamChanged(stage: pipeline.stages[nearest].address))
            }
            if !reasons.isEmpty { stale.insert(index) }
            var entry = Entry(stage: stage.address, reasons: reasons, frozen: stage.frozen)
            entry.externalDependencies = Set(stage.dependencies.filter(\.isExternal).map(\.declaredPath))
            entries.append(entry)
        }
        return entries
    }
}
