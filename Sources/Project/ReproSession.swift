import Basics
import ContentStore
import Foundation
import Pipeline
import PipelineEngine
import PipelineState

/// One `sluice repro` of a workspace: the engine, the project lock that keeps a
/// second repro out, and the run it is recorded as.
package final class ReproSession {
    /// What a finished session did.
    package struct Outcome: Sendable {
        /// The engine's report: executed, skipped, restored and failed stages.
        package var report: ReproReport
        /// The recorded run's id, when the repro did something worth recording.
        package var recordedRun: String?
        /// Problems met while recording, for the user.
        package var warnings: [String]
    }

    private let workspace: Workspace
    private let pipeline: Pipeline
    private let options: ReproOptions
    private let reproducer: Reproducer
    private let recorder: RunRecorder?
    private let projectLock: ProjectLock?

    /// Prepares a repro of `workspace`, recorded in runs/ as `recording` says. A dry run
    /// takes no lock and records nothing; with no `recording` nothing is recorded either
    /// (logs go to `.sluice/logs/`).
    /// `binDirectory` goes first on stages' PATH, so `sluice ml …` finds this binary.
    /// `gate` is shared by sessions that run at once over one cache (a sweep's experiments).
    /// `runCacheFill` brings run-cache entries from a remote (`repro --pull`).
    package init(workspace: Workspace, options: ReproOptions, useRunCache: Bool, recording: RunRequest?,
                 binDirectory: String?, gate: StageGate? = nil, runCacheFill: RunCacheFill? = nil) throws {
        let ((pipeline, projectLock), read) = try workspace.readingLocks {
            (try workspace.loadPipeline(), options.dryRun ? nil : try ProjectLock(path: workspace.stateDirectory + "/repro.lock"))
        }
        self.projectLock = projectLock
        // The lock files were read before this repro held the project lock: another repro
        // that ended meanwhile may have rewritten them.
        let locks = workspace.isUnchanged(read) ? read.locks : try workspace.loadLocks()
        let cache = try workspace.cacheStore()
        // Created before the repro so stages can log into it; discarded if nothing runs.
        let recorder = try recording.flatMap { request in
            options.dryRun ? nil : try RunRecorder.start(workspace: workspace, pipeline: pipeline, request: request, now: try SluiceClock.now())
        }
        self.recorder = recorder
        self.workspace = workspace
        self.pipeline = pipeline
        self.options = options
        reproducer = Reproducer(
            pipeline: pipeline, locks: locks, fingerprinter: workspace.fingerprinter(),
            logDirectory: recorder?.logDirectory ?? workspace.stateDirectory + "/logs", cache: cache,
            useRunCache: useRunCache, environment: recorder?.environment ?? [:], binDirectory: binDirectory, gate: gate,
            runCacheFill: runCacheFill)
    }

    /// The lock file (relative to the root) that records the stage at an address.
    package var lockName: @Sendable (String) -> String {
        let (pipeline, located) = (pipeline, workspace.pipelineName)
        return { address in
            LockSet.lockPath(forPipelineFile: pipeline.index(of: address).map { pipeline.stages[$0].file } ?? located)
        }
    }

    /// Stops the running stages (SIGINT to each); nothing new starts afterwards.
    /// Safe to call from a signal handler's queue.
    package var interrupt: @Sendable () -> Void {
        let reproducer = reproducer
        return { reproducer.interrupt() }
    }

    /// Runs the repro, handing every event to `observe` as it happens, and ends the
    /// recorded run: kept when a stage ran or was restored, else deleted.
    package func run(observe: @escaping @Sendable (ReproEvent) -> Void) throws -> Outcome {
        let recorder = recorder
        let report: ReproReport
        do {
            report = try reproducer.run(options) { event in
                observe(event)
                recorder?.observe(event)
            }
        } catch {
            recorder?.abandon(now: (try? SluiceClock.now()) ?? Date())
            throw error
        }
        var outcome = Outcome(report: report, recordedRun: nil, warnings: [])
        if let recorder {
            let (kept, warnings) = recorder.finish(report, pipeline: pipeline, now: try SluiceClock.now())
            outcome.warnings = warnings
            if kept { outcome.recordedRun = recorder.id }
        }
        withExtendedLifetime(projectLock) {}
        return outcome
    }
}
