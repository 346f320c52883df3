import Basics
import ContentStore
import Foundation
import Pipeline
import PipelineEngine
import PipelineState
import Remote

/// `repro --pull`: before the repro decides what to run, the objects of the selected
/// stages' recorded outputs and of their missing dependencies come from the remote,
/// and missing dependencies are checked out, so that a fresh clone restores what was
/// pushed instead of running it.
extension RemoteSync {
    /// What `prefetch` did.
    package struct Prefetch: Sendable {
        /// The transfer of objects (failures of outputs' objects are left out: the stage runs).
        package var summary = ObjectTransfer.Summary()
        /// Dependencies checked out into the workspace (root-relative paths).
        package var restored: [String] = []
        /// Recorded outputs whose objects the remote does not have either (their stages will run).
        package var unavailable: [String] = []
    }

    /// A missing dependency of a selected stage and the version to check out.
    private struct MissingInput {
        var dependency: DependencySpec
        var stage: String
        var version: Fingerprint?
        var produced: Bool
    }

    /// Fetches the selected stages' objects (as `options` selects them) and checks their
    /// missing dependencies out. Throws, naming the dependency's place, when a missing
    /// dependency that no stage produces cannot be had from the remote.
    package func prefetch(_ options: ReproOptions) throws -> Prefetch {
        let pipeline = try workspace.loadPipeline(), locks = try workspace.loadLocks()
        let fingerprinter = workspace.fingerprinter()
        let order = try StageSelection.plan(options.targets, recursive: options.recursive, downstream: options.downstream,
                                            singleItem: options.singleItem, in: pipeline)
        let selected = Set(order)
        var outputs: [(path: String, hash: String)] = [], inputs: [MissingInput] = []
        for index in order {
            let stage = pipeline.stages[index]
            let entry = locks.entry(lock: LockSet.lockPath(forPipelineFile: stage.file), stage: stage.name)
            for output in stage.outputs where output.cache && !output.isExternal {
                if let hash = entry?.output(output.declaredPath)?.fingerprint.hash { outputs.append((output.path, hash)) }
            }
            for dependency in stage.dependencies where !dependency.isExternal {
                let producer = pipeline.producer(of: dependency.path)
                // A selected producer runs or restores it first.
                if let producer, selected.contains(producer) { continue }
                guard try fingerprinter.fingerprint(dependency.path) == .missing else { continue }
                inputs.append(MissingInput(dependency: dependency, stage: stage.address,
                                           version: recordedVersion(of: dependency, by: entry, producer: producer, pipeline: pipeline, locks: locks),
                                           produced: producer != nil))
            }
        }
        let transfer = try transfer()
        var prefetch = Prefetch()
        do throws(RemoteError) {
            prefetch.summary = try transfer.pull(outputs.map(\.hash) + inputs.compactMap(\.version?.hash))
        } catch {
            throw error.diagnostic
        }
        let cache = transfer.cache
        prefetch.unavailable = outputs.filter { !transfer.hasLocally($0.hash) }.map(\.path)
        var problems: [Diagnostic] = []
        for input in inputs {
            if let version = input.version, cache.contains(version) {
                try cache.restore(version, at: input.dependency.path, root: workspace.root)
                prefetch.restored.append(input.dependency.path)
            } else if !input.produced {
                problems.append(unavailable(input))
            }
        }
        try? fingerprinter.save()
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        // What remains are outputs' objects the remote lacks: those stages run, which is no error.
        prefetch.summary.failures = prefetch.summary.failures.filter { failure in
            !failure.message.hasPrefix("it is not in the remote")
        }
        return prefetch
    }

    /// The version of a missing dependency to check out: what its producer's lock entry
    /// records (what `sluice pull` of that stage gives), else what the stage's own lock
    /// entry recorded when it last ran.
    private func recordedVersion(of dependency: DependencySpec, by entry: LockEntry?, producer: Int?,
                                 pipeline: Pipeline, locks: LockSet) -> Fingerprint? {
        if let producer {
            let stage = pipeline.stages[producer]
            if let output = stage.outputs.first(where: { $0.path == dependency.path }), output.cache,
               let recorded = locks.entry(lock: LockSet.lockPath(forPipelineFile: stage.file), stage: stage.name)?
                .output(output.declaredPath)?.fingerprint, recorded.exists {
                return recorded
            }
        }
        guard let recorded = entry?.dependency(dependency.declaredPath)?.fingerprint, recorded.exists else { return nil }
        return recorded
    }

    /// The error for a missing dependency that no stage produces and the remote cannot give.
    private func unavailable(_ input: MissingInput) -> Diagnostic {
        let version = input.version?.hash.map { " (its recorded version \(ObjectTransfer.key($0)) is not there either)" }
            ?? " (no lock file records a version of it to pull)"
        return .failure("dependency '\(input.dependency.declaredPath)' of stage '\(input.stage)' does not exist, no stage produces it, "
                        + "and remote \(definition.name) cannot provide it\(version)",
                        at: input.dependency.location,
                        hint: "add the file to the project (commit it with the pipeline), or push it from a machine whose cache has it")
    }
}
