import Basics
import ContentStore
import Dispatch
import Foundation
import Pipeline
import PipelineEngine
import PipelineState
import Project
import RunStore
import Synchronization

/// Runs one experiment: makes its temporary copy of the workspace, writes its params,
/// reproduces the targets there with the project's cache and run-cache, records it as a
/// named run (with experiment.json and the params and lock files it ended with), keeps
/// the outputs that are not cached in the cache too (so `exp apply` can bring them
/// back), and removes the copy.
package struct ExperimentRunner: Sendable {
    /// The project the experiments are of.
    package let origin: Workspace
    let copier: ExperimentCopy
    let binDirectory: String?
    let targets: [String]
    let command: [String]
    let gate: StageGate

    /// A runner of experiments of `origin` reproducing `targets` (all stages when empty);
    /// `command` is the command line runs record, `binDirectory` goes first on stages' PATH.
    package init(origin: Workspace, targets: [String], command: [String], binDirectory: String?) throws {
        let (pipeline, read) = try origin.readingLocks { try origin.loadPipeline() }
        self.origin = origin
        copier = try ExperimentCopy(origin: origin, pipeline: pipeline, locks: read.locks)
        self.binDirectory = binDirectory
        self.targets = targets
        self.command = command
        gate = StageGate()
    }

    /// The pipeline of the project, as the copies start from it.
    package var pipeline: Pipeline { copier.pipeline }

    /// Runs `definition`; `register` receives the way to interrupt it while it runs
    /// (and `nil` when it ended). Never throws: a problem fails the experiment.
    package func run(_ definition: ExperimentDefinition, register: @Sendable (( @Sendable () -> Void)?) -> Void) -> ExperimentResult {
        let started = DispatchTime.now()
        var result = ExperimentResult(definition: definition, run: nil, status: .failed, report: ReproReport(), message: nil,
                                      warnings: [], duration: 0)
        let directory = ExperimentCopy.directory(of: origin) + "/" + definition.name
        do {
            let workspace = try copier.make(at: directory)
            for (path, text) in definition.files { try AtomicFile.replace(text, at: directory + "/" + path) }
            var options = ReproOptions()
            options.targets = targets
            options.jobs = 1
            var request = RunRequest(name: definition.name, command: command)
            request.keepWhenNothingRan = true
            let session = try ReproSession(workspace: workspace, options: options, useRunCache: true, recording: request,
                                           binDirectory: binDirectory, gate: gate)
            register(session.interrupt)
            defer { register(nil) }
            let outcome = try session.run { _ in }
            result.report = outcome.report
            result.warnings = outcome.warnings
            result.run = outcome.recordedRun
            let interrupted = outcome.report.interrupted || outcome.report.outcomes.contains { $0.action == .interrupted }
            result.status = interrupted ? .killed : outcome.report.succeeded ? .finished : .failed
            result.message = outcome.report.outcomes.first { $0.action == .failed || $0.action == .interrupted }
                .map { "stage '\($0.stage)' \($0.action == .interrupted ? "was interrupted" : "failed"): \($0.message ?? "")" }
                ?? (interrupted ? "interrupted before every stage ran" : nil)
            if let run = outcome.recordedRun {
                try keepUncachedOutputs(of: workspace)
                try save(definition, workspace: workspace, run: run)
            }
        } catch {
            result.message = "\(error)"
        }
        try? FileManager.default.removeItem(atPath: directory)
        result.duration = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return result
    }

    /// Stores the outputs the cache does not keep (metrics with `cache: false`, persistent
    /// outputs) as objects too, when they are as the lock records them: `exp apply` then
    /// puts every output back, and `gc` keeps them while an experiment's lock names them.
    private func keepUncachedOutputs(of workspace: Workspace) throws {
        let pipeline = try workspace.loadPipeline()
        let locks = try workspace.loadLocks()
        let fingerprinter = workspace.fingerprinter()
        for stage in pipeline.stages {
            guard let entry = locks.entry(lock: LockSet.lockPath(forPipelineFile: stage.file), stage: stage.name) else { continue }
            let recorded = entry.outputLookup
            for output in stage.outputs where !output.cache && !output.isExternal {
                guard let fingerprint = recorded[output.declaredPath]?.fingerprint, fingerprint.exists,
                      !copier.storing.contains(fingerprint), try fingerprinter.fingerprint(output.path) == fingerprint else { continue }
                let manifest = if case .directory = fingerprint { try fingerprinter.manifest(ofDirectory: output.path) } else { [ManifestEntry]() }
                try copier.storing.save(workspace.root + "/" + output.path, fingerprint: fingerprint, manifest: manifest)
            }
        }
    }

    /// Writes experiment.json and the params and lock files the experiment ended with into its run folder.
    private func save(_ definition: ExperimentDefinition, workspace: Workspace, run: String) throws {
        let folder = RunStore(directory: origin.runsDirectory).path(of: run)
        let paramsFiles = copier.pipeline.paramsFiles.keys.sorted().filter { FileKind(path: workspace.root + "/" + $0) == .regular }
        let lockFiles = workspace.lockFiles.filter { FileKind(path: workspace.root + "/" + $0) == .regular }
        for path in paramsFiles + lockFiles {
            let target = folder + "/" + ExperimentRecord.filesFolder + "/" + path
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try AtomicFile.replace(try Data(contentsOf: URL(fileURLWithPath: workspace.root + "/" + path)), at: target)
        }
        let record = ExperimentRecord(name: definition.name, overrides: definition.assignments.map { ($0.displayKey, $0.value) },
                                      paramsFiles: paramsFiles, lockFiles: lockFiles)
        try AtomicFile.replace(JSONWriter.pretty.string(record.json) + "\n", at: folder + "/" + ExperimentRecord.fileName)
    }
}
