import Basics
import ContentStore
import PipelineState
import Pipeline

/// Reads the observed side of status for stages: fingerprints and parameter values.
struct Observer: Sendable {
    let pipeline: Pipeline
    let fingerprinter: Fingerprinter

    /// The current state of everything `stage` declares.
    func observe(_ stage: StageSpec) throws -> ObservedState {
        let paths = stage.dependencies.map(\.path) + stage.outputs.map(\.path)
        return state(of: stage, fingerprints: try fingerprinter.fingerprints(paths))
    }

    /// The state of `stage` given the fingerprints of its paths.
    private func state(of stage: StageSpec, fingerprints: [String: Fingerprint]) -> ObservedState {
        // Only missing dependencies are looked up, each in time proportional to its path.
        let unproduced = stage.dependencies.lazy
            .filter { (fingerprints[$0.path] ?? .missing) == .missing && !pipeline.hasProducer(overlapping: $0.path) }
            .map(\.path)
        var missingFiles: [String] = []
        for ref in missingParamsReferences(stage) where !missingFiles.contains(ref.file) { missingFiles.append(ref.file) }
        return ObservedState(fingerprints: fingerprints, parameters: parameterValues(stage),
                             unproducedDependencies: Set(unproduced), missingParamsFiles: missingFiles)
    }

    /// The stage's `params` entries whose file did not exist when the pipeline was loaded.
    func missingParamsReferences(_ stage: StageSpec) -> [ParamRef] {
        stage.parameters.filter { pipeline.paramsFiles[$0.path] == nil }
    }

    /// The current state of each stage in `indices` (into the pipeline's stages), from
    /// one parallel pass over all their paths: observing stage by stage started the
    /// threads once per stage, which cost more than the stat calls of a stage that is
    /// up to date.
    func observe(_ indices: [Int]) throws -> [Int: ObservedState] {
        var paths: [String] = []
        for index in indices {
            let stage = pipeline.stages[index]
            paths += stage.dependencies.lazy.map(\.path)
            paths += stage.outputs.lazy.map(\.path)
        }
        let fingerprints = try fingerprinter.fingerprints(paths)
        var observed: [Int: ObservedState] = [:]
        observed.reserveCapacity(indices.count)
        for index in indices {
            let stage = pipeline.stages[index]
            var own: [String: Fingerprint] = [:]
            for path in stage.dependencies.lazy.map(\.path) + stage.outputs.lazy.map(\.path) { own[path] = fingerprints[path] }
            observed[index] = state(of: stage, fingerprints: own)
        }
        return observed
    }

    /// Values of the parameters `stage` tracks: params file (as declared) → key → value.
    func parameterValues(_ stage: StageSpec) -> [String: [String: JSONValue]] {
        var values: [String: [String: JSONValue]] = [:]
        for ref in stage.parameters {
            guard let file = pipeline.paramsFiles[ref.path] else { continue }
            if let key = ref.key {
                if let value = file.value(at: key) { values[ref.file, default: [:]][key] = value }
            } else {
                for key in file.topLevelKeys {
                    if let value = file.value(at: key) { values[ref.file, default: [:]][key] = value }
                }
            }
        }
        return values
    }

    /// The lock entry describing `stage` as it is on disk now (after a successful run).
    func lockEntry(for stage: StageSpec) throws -> LockEntry {
        let observed = try observe(stage)
        return LockEntry(
            commands: stage.commands,
            dependencies: stage.dependencies.map { LockedPath(path: $0.declaredPath, fingerprint: observed.fingerprints[$0.path] ?? .missing) },
            parameters: observed.parameters,
            outputs: stage.outputs.map { LockedPath(path: $0.declaredPath, fingerprint: observed.fingerprints[$0.path] ?? .missing) })
    }
}
