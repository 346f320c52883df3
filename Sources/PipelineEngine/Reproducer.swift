// PipelineEngine brings a pipeline up to date. Status as a pure function of what is
// declared (Pipeline), recorded (PipelineState) and on disk (ContentStore), with its
// reasons; the reproducer with its parallel scheduler and shell executor; restoring
// from the run-cache; checkout; progress as events.
//
// What this module must not know: ML (a stage is a shell command, whatever it runs),
// the run store (callers hand it a log folder and an environment), the command line
// or the terminal. It reports through events and a `ReproReport`; it never prints.
import Basics
import ContentStore
import PipelineState
import Dispatch
import Foundation
import Pipeline

/// Runs the stale stages of a pipeline in dependency order, independent stages in
/// parallel, recording each success in the lock file as it happens (writes of a large
/// lock file are batched, see `LockFileWriter`; all are written before `run` returns).
package final class Reproducer: Sendable {
    let pipeline: Pipeline
    let fingerprinter: Fingerprinter
    let logDirectory: String
    let executor: StageExecutor
    /// The lock file of every pipeline file, each written as its stages succeed.
    let lockWriter: LockSetWriter
    let running = RunningProcesses()
    /// Where outputs are cached; `nil` caches nothing.
    let cache: CacheStore?
    /// Earlier executions to restore from; `nil` disables the run-cache.
    let runCache: RunCache?
    /// Which outputs may be deleted or replaced.
    let outputGuard: OutputGuard
    /// Shared with other reproducers using the same cache, so they never execute the same stage execution at once.
    let gate: StageGate?
    /// Called with a stale stage's run-cache key before it is looked up, so that the
    /// caller may bring that entry and its outputs from elsewhere (`repro --pull`).
    let runCacheFill: RunCacheFill?

    /// Creates a reproducer. Stage logs go to `logDirectory` (absolute) as `<stage address>.log`;
    /// `locks` holds the lock file of each pipeline file (see `LockSet.lockPath(forPipelineFile:)`).
    /// `lockWriteSpacing` is `LockFileWriter`'s `spacing`; `gate` is shared by reproducers of one cache;
    /// `runCacheFill` may fill the run-cache for a key before it is looked up.
    package init(
        pipeline: Pipeline, locks: LockSet, fingerprinter: Fingerprinter, logDirectory: String,
        cache: CacheStore? = nil, useRunCache: Bool = true, environment: [String: String] = [:], binDirectory: String? = nil,
        lockWriteSpacing: Double = 10, gate: StageGate? = nil, runCacheFill: RunCacheFill? = nil
    ) {
        self.pipeline = pipeline
        self.gate = gate
        self.runCacheFill = runCacheFill
        self.outputGuard = OutputGuard(pipeline: pipeline)
        self.cache = cache
        self.runCache = useRunCache ? cache.map(RunCache.init(cache:)) : nil
        self.lockWriter = LockSetWriter(locks: locks, lockPaths: pipeline.files.map(LockSet.lockPath(forPipelineFile:)),
                                        root: pipeline.root, spacing: lockWriteSpacing)
        self.fingerprinter = fingerprinter
        self.logDirectory = logDirectory
        self.executor = StageExecutor(environment: environment, binDirectory: binDirectory, running: running)
    }

    /// Forwards SIGINT to running stages; nothing new starts afterwards.
    package func interrupt() { running.interruptAll() }

    /// Runs the repro and returns what happened to each stage.
    package func run(_ options: ReproOptions, emit: @escaping @Sendable (ReproEvent) -> Void) throws -> ReproReport {
        let order = try StageSelection.plan(options.targets, recursive: options.recursive, downstream: options.downstream,
                                            singleItem: options.singleItem, in: pipeline)
        try refuseExternalOutputs(of: order)
        if options.dryRun { return try dryRun(options) }
        let frozen = order.map { pipeline.stages[$0] }.filter(\.frozen).map(\.address)
        if !frozen.isEmpty { emit(.warning("frozen stages are not run: \(frozen.joined(separator: ", "))")) }
        let scheduler = Scheduler(order: order, names: pipeline.stages.map(\.address), graph: pipeline.graph, jobs: max(1, options.jobs), keepGoing: options.keepGoing)
        // One parallel look at every selected stage up front, so that stages with nothing
        // to do are settled without a worker (see `settled`); `nil` when forced, or when
        // a path cannot be read: `process` then meets that stage by stage.
        let observed = options.force ? nil : try? Observer(pipeline: pipeline, fingerprinter: fingerprinter).observe(order)
        var report = scheduler.run(isInterrupted: { self.running.isInterrupted }, decide: { index in
            guard let outcome = self.settled(index, observed: observed?[index]) else { return nil }
            emit(.stageFinished(outcome))
            return outcome
        }) { index, concurrent in
            let outcome = self.process(index, options: options, concurrent: concurrent, emit: emit)
            emit(.stageFinished(outcome))
            return outcome
        }
        report.interrupted = running.isInterrupted
        // Entries whose write was put off reach the file now, also after an interrupt.
        try lockWriter.flush()
        try fingerprinter.save()
        return report
    }

    /// The plan without running: stale stages (including those stale only because
    /// of their upstream) as `notRun` with their reasons, the rest as `skipped`.
    private func dryRun(_ options: ReproOptions) throws -> ReproReport {
        let planner = StatusPlanner(pipeline: pipeline, locks: lockWriter.locks, fingerprinter: fingerprinter)
        var report = ReproReport()
        for entry in try planner.status(targets: options.targets, recursive: options.recursive, downstream: options.downstream,
                                        singleItem: options.singleItem, force: options.force) {
            let action: StageOutcome.Action = entry.frozen ? .frozen : entry.reasons.isEmpty ? .skipped : .notRun
            report.outcomes.append(StageOutcome(stage: entry.stage, action: action, reasons: entry.reasons))
        }
        return report
    }

    /// The outcome of a stage that needs nothing done, judged from `observed`, what the
    /// disk held at the start (the scheduler asks only while everything upstream was
    /// left as it was): frozen, or up to date with every dependency present. `nil`
    /// sends the stage to `process`, which looks again and decides the same way.
    private func settled(_ index: Int, observed: ObservedState?) -> StageOutcome? {
        let stage = pipeline.stages[index]
        if stage.frozen { return StageOutcome(stage: stage.address, action: .frozen) }
        let recorded = lockWriter.entry(lock: LockSet.lockPath(forPipelineFile: stage.file), stage: stage.name)
        guard let observed, !stage.dependencies.contains(where: { observed.fingerprints[$0.path] == .missing }),
              StageStatus.reasons(for: stage, lock: recorded, observed: observed).isEmpty else { return nil }
        return StageOutcome(stage: stage.address, action: .skipped)
    }

    /// Decides and, when stale, runs one stage. Called on a worker thread.
    private func process(_ index: Int, options: ReproOptions, concurrent: @escaping @Sendable () -> Bool,
                         emit: @escaping @Sendable (ReproEvent) -> Void) -> StageOutcome {
        let stage = pipeline.stages[index]
        guard !stage.frozen else { return StageOutcome(stage: stage.address, action: .frozen) }
        let observer = Observer(pipeline: pipeline, fingerprinter: fingerprinter)
        do {
            let observed = try observer.observe(stage)
            if let missing = stage.dependencies.first(where: { observed.fingerprints[$0.path] == .missing }) {
                return failure(stage, missingDependencyMessage(missing, of: stage))
            }
            if let absent = observer.missingParamsReferences(stage).first {
                return failure(stage, missingParamsFileMessage(absent))
            }
            let recorded = lockWriter.entry(lock: LockSet.lockPath(forPipelineFile: stage.file), stage: stage.name)
            var reasons = StageStatus.reasons(for: stage, lock: recorded, observed: observed)
            if options.force && reasons.isEmpty { reasons = [.forced] }
            guard !reasons.isEmpty else { return StageOutcome(stage: stage.address, action: .skipped) }
            if !options.force, let restored = try restoreRecordedOutputs(stage, reasons: reasons, lock: recorded) { return restored }
            return try exclusively(stage, observed: observed) {
                if !options.force, let restored = try restoreFromRunCache(stage, reasons: reasons, observed: observed) { return restored }
                emit(.stageStarted(stage: stage.address, reasons: reasons))
                return try execute(stage, reasons: reasons, observer: observer, concurrent: concurrent, emit: emit)
            }
        } catch {
            return failure(stage, "\(error)")
        }
    }

    private func execute(_ stage: StageSpec, reasons: [StaleReason], observer: Observer,
                         concurrent: @escaping @Sendable () -> Bool, emit: @escaping @Sendable (ReproEvent) -> Void) throws -> StageOutcome {
        // A missing wdir fails the stage before its outputs are deleted.
        _ = try StageExecutor.workingDirectory(of: stage, root: pipeline.root)
        for output in stage.outputs where !output.persist {
            try outputGuard.remove(output, of: stage.address)
        }
        for output in stage.outputs {
            let parent = ((pipeline.root + "/" + output.path) as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        }
        let logPath = logDirectory + "/" + stage.address + ".log"
        let started = DispatchTime.now()
        let result = try executor.run(stage, root: pipeline.root, logPath: logPath, concurrent: concurrent, emit: emit)
        var outcome = StageOutcome(stage: stage.address, action: .executed, reasons: reasons)
        outcome.duration = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        outcome.log = ProjectPath.normalize(logPath, root: pipeline.root) ?? logPath
        guard result.exitCode == 0, !result.interrupted else {
            outcome.action = result.interrupted ? .interrupted : .failed
            outcome.exitCode = result.exitCode
            outcome.message = result.interrupted ? "interrupted" : "command exited with code \(result.exitCode): \(result.failedCommand ?? "")"
            return outcome
        }
        if let missing = stage.outputs.first(where: { !FileManager.default.fileExists(atPath: pipeline.root + "/" + $0.path) }) {
            outcome.action = .failed
            outcome.message = "output '\(missing.declaredPath)' does not exist after the stage ran"
            return outcome
        }
        let entry = try observer.lockEntry(for: stage)
        try cacheOutputs(of: stage, entry: entry)
        try record(entry, for: stage)
        return outcome
    }

    /// `repro` never writes outside the project root (nor caches what is there), so a
    /// selected stage with an output there stops it before anything runs, as DVC 3
    /// refuses cached outputs outside the repository.
    private func refuseExternalOutputs(of order: [Int]) throws {
        let refusals = order.flatMap { index in
            let stage = pipeline.stages[index]
            return stage.outputs.filter(\.isExternal).map { output in
                Diagnostic.error(
                    "output '\(output.declaredPath)' of stage '\(stage.address)' is outside the project root \(pipeline.root) ('\(output.path)')",
                    at: output.location,
                    hint: "repro writes and caches outputs only inside the project; write it inside (and copy it out in "
                        + "a command if it must be there), or declare it as a dependency of the stages that read it")
            }
        }
        guard refusals.isEmpty else { throw DiagnosticList(refusals) }
    }

    private func failure(_ stage: StageSpec, _ message: String) -> StageOutcome {
        var outcome = StageOutcome(stage: stage.address, action: .failed)
        outcome.message = message
        return outcome
    }

    private func missingDependencyMessage(_ dependency: DependencySpec, of stage: StageSpec) -> String {
        if let producer = pipeline.producer(of: dependency.path) {
            let name = pipeline.stages[producer].address
            return "dependency '\(dependency.declaredPath)' does not exist; stage '\(name)' produces it (run 'sluice repro \(name)')"
        }
        return "dependency '\(dependency.declaredPath)' does not exist and no stage produces it"
    }

    /// A missing params file is a missing input of this stage, like a missing
    /// dependency: the stage fails (exit 1), as `dvc repro` fails it, rather than the
    /// whole pipeline being refused as misconfigured, since `dag` and `status` and
    /// the other stages need no values from it.
    private func missingParamsFileMessage(_ ref: ParamRef) -> String {
        "params file '\(ref.file)' does not exist (named in 'params' at \(ref.fileLocation)); "
            + "create it, or remove it from the stage's 'params'"
    }
}
