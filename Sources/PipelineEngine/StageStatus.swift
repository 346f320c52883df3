import Basics
import ContentStore
import PipelineState
import Pipeline

/// What the disk holds now for one stage: the observed side of status.
package struct ObservedState: Sendable {
    /// Fingerprints of dependencies and outputs, by root-relative path.
    package var fingerprints: [String: Fingerprint]
    /// Current values of tracked parameters: params file (as declared) → key → value.
    package var parameters: [String: [String: JSONValue]]
    /// Dependencies (root-relative) that do not exist and that no stage of the
    /// pipeline writes, so no upstream run will bring them. One stage alone cannot
    /// tell this, so the observer notes it.
    package var unproducedDependencies: Set<String>
    /// Params files (as declared) that the stage names and that do not exist, in
    /// declaration order.
    package var missingParamsFiles: [String]

    /// Creates an observation.
    package init(fingerprints: [String: Fingerprint], parameters: [String: [String: JSONValue]],
                 unproducedDependencies: Set<String> = [], missingParamsFiles: [String] = []) {
        self.fingerprints = fingerprints
        self.parameters = parameters
        self.unproducedDependencies = unproducedDependencies
        self.missingParamsFiles = missingParamsFiles
    }
}

/// Status as a pure function of what pipeline.yaml declares, what pipeline.lock
/// recorded and what the disk holds now.
package enum StageStatus {
    /// The reasons `stage` must run; empty when it is up to date. Frozen stages are never stale.
    package static func reasons(for stage: StageSpec, lock: LockEntry?, observed: ObservedState) -> [StaleReason] {
        guard !stage.frozen else { return [] }
        var reasons: [StaleReason] = []
        if stage.dependencies.isEmpty && stage.outputs.isEmpty { reasons.append(.noDependenciesOrOutputs) }
        if stage.alwaysChanged { reasons.append(.alwaysChanged) }
        guard let lock else { return [.neverRun] + reasons + missingInputs(of: stage, observed: observed) }
        if lock.commandText != stage.commandText { reasons.append(.commandChanged) }
        let recordedDependencies = lock.dependencyLookup
        for dependency in stage.dependencies {
            // Named whether or not it was recorded: a repro cannot run the stage.
            if observed.unproducedDependencies.contains(dependency.path) {
                reasons.append(.dependencyMissing(path: dependency.declaredPath))
                continue
            }
            let now = observed.fingerprints[dependency.path] ?? .missing
            guard let recorded = recordedDependencies[dependency.declaredPath] else {
                if now.exists { reasons.append(.dependencyAdded(path: dependency.declaredPath)) }
                continue
            }
            if now == .missing {
                reasons.append(.dependencyDeleted(path: dependency.declaredPath))
            } else if now != recorded.fingerprint {
                reasons.append(.dependencyModified(path: dependency.declaredPath))
            }
        }
        reasons += observed.missingParamsFiles.map { .paramsFileMissing(file: $0) }
        for (file, values) in observed.parameters.sorted(by: { $0.key < $1.key }) {
            for (key, value) in values.sorted(by: { $0.key < $1.key }) {
                let recorded = lock.parameters[file]?[key]
                guard recorded.map({ !$0.sameValue(as: value) }) ?? true else { continue }
                reasons += changedLeaves(file: file, key: key, old: recorded, new: value)
            }
        }
        let recordedOutputs = lock.outputLookup
        for output in stage.outputs {
            let now = observed.fingerprints[output.path] ?? .missing
            guard let recorded = recordedOutputs[output.declaredPath] else {
                reasons.append(.outputAdded(path: output.declaredPath))
                continue
            }
            if now == .missing {
                reasons.append(.outputDeleted(path: output.declaredPath))
            } else if now != recorded.fingerprint {
                reasons.append(.outputModified(path: output.declaredPath))
            }
        }
        return reasons
    }

    /// What a stage that never ran lacks to run at all: its dependencies that no stage
    /// writes, then its missing params files.
    private static func missingInputs(of stage: StageSpec, observed: ObservedState) -> [StaleReason] {
        let dependencies = stage.dependencies.filter { observed.unproducedDependencies.contains($0.path) }
        return dependencies.map { .dependencyMissing(path: $0.declaredPath) }
            + observed.missingParamsFiles.map { .paramsFileMissing(file: $0) }
    }

    /// For a tracked section, the leaves that changed (`train.lr 0.1 -> 0.2`) rather
    /// than the whole section; for a single value, that value.
    private static func changedLeaves(file: String, key: String, old: JSONValue?, new: JSONValue) -> [StaleReason] {
        guard case .object = new, let old, case .object = old else {
            return [.parameterChanged(file: file, key: key, old: old, new: new)]
        }
        let before = Dictionary(old.flattened(prefix: key).map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.flattened(prefix: key).map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        return Set(before.keys).union(after.keys).sorted().compactMap { leaf in
            let was = before[leaf], now = after[leaf]
            if let was, let now, was.sameValue(as: now) { return nil }
            return .parameterChanged(file: file, key: leaf, old: was, new: now)
        }
    }
}
