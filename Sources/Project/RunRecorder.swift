import Basics
import Foundation
import Pipeline
import PipelineEngine
import PipelineState
import RunStore
import Synchronization

/// Records one `sluice repro` in the run store. The engine knows nothing of runs:
/// this bridge gives it the run's `logs/` folder and environment, follows its
/// events into run.json as stages finish, and writes the params and metrics.
///
/// A repro that neither runs nor restores a stage leaves no run behind.
package final class RunRecorder: Sendable {
    private enum State {
        /// Nothing written yet: the id and paths are reserved, the folder is made on the first work.
        case pending(RunRecord)
        case created(RunWriter)
        case failed
    }

    private let store: RunStore
    private let reservedID: String
    private let pipeline: Pipeline
    private let root: String
    /// The lock file of every pipeline file, relative to `root`.
    private let lockFiles: [String]
    /// The folder whose git state the run records: the project's, also for a temporary copy.
    private let gitRoot: String
    /// Whether the run is kept when nothing ran.
    private let keepWhenNothingRan: Bool
    private let state: Mutex<State>
    private let problems = Mutex<[String]>([])

    private init(store: RunStore, id: String, record: RunRecord, pipeline: Pipeline, root: String, lockFiles: [String],
                 gitRoot: String, keepWhenNothingRan: Bool) {
        self.store = store
        self.gitRoot = gitRoot
        self.keepWhenNothingRan = keepWhenNothingRan
        self.reservedID = id
        self.pipeline = pipeline
        self.root = root
        self.lockFiles = lockFiles
        self.state = Mutex(.pending(record))
    }

    /// Prepares a run: reserves its id, but writes nothing (and asks git nothing)
    /// until a stage runs or is restored, so a no-op repro costs no run folder.
    package static func start(workspace: Workspace, pipeline: Pipeline, request: RunRequest, now: Date) throws -> RunRecorder {
        let environment = ProcessInfo.processInfo.environment
        let record = RunRecord(
            name: request.name, startTime: now, command: request.command,
            git: nil, process: .current(),
            user: environment["USER"] ?? environment["LOGNAME"] ?? loginName())
        let store = RunStore(directory: workspace.runsDirectory)
        return RunRecorder(store: store, id: store.reserveID(at: now), record: record, pipeline: pipeline, root: workspace.root,
                           lockFiles: workspace.lockFiles, gitRoot: workspace.origin ?? workspace.root,
                           keepWhenNothingRan: request.keepWhenNothingRan)
    }

    /// The account running sluice, when neither USER nor LOGNAME says (as in some containers).
    private static func loginName() -> String? {
        guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return nil }
        return String(cString: name)
    }

    /// The name of the lock state's copy in a run folder: one lock file holding the
    /// entries of every pipeline file's lock file, keyed by stage address.
    package static let lockCopyName = "pipeline.lock"

    /// The run id.
    package var id: String { reservedID }
    /// Where the engine writes stage logs.
    package var logDirectory: String { store.path(of: reservedID) + "/logs" }
    /// What stages find in their environment: the run folder and id.
    package var environment: [String: String] { ["SLUICE_RUN_DIR": store.path(of: reservedID), "SLUICE_RUN_ID": reservedID] }

    /// The writer, creating the run folder (with the git state and params) on first use.
    private var writer: RunWriter? {
        state.withLock { state in
            switch state {
            case .created(let writer): return writer
            case .failed: return nil
            case .pending(var record):
                record.git = GitState.probe(directory: gitRoot)
                do {
                    let writer = try store.create(record, id: reservedID)
                    try writer.writeParams(WorkspaceValues.params(of: pipeline))
                    state = .created(writer)
                    return writer
                } catch {
                    problems.withLock { $0.append("run \(reservedID): could not be recorded: \(error)") }
                    state = .failed
                    return nil
                }
            }
        }
    }

    /// The writer when the run folder exists, without creating it.
    private var existingWriter: RunWriter? {
        state.withLock { if case .created(let writer) = $0 { writer } else { nil } }
    }

    /// Follows the repro: a stage that starts is recorded as running, one that ends
    /// with its outcome; skipped stages are only noted once the run exists.
    package func observe(_ event: ReproEvent) {
        switch event {
        case .stageStarted(let stage, let reasons):
            save(StageRecord(name: stage, action: .running, reasons: reasons.map(\.summary)), in: writer)
        case .stageFinished(let outcome):
            save(Self.stageRecord(outcome), in: Self.didWork(outcome) ? writer : existingWriter)
        default:
            break
        }
    }

    /// Ends the run after the repro: keeps it when a stage ran or was restored
    /// (writing metrics.json, a copy of the lock file — what `gc --keep-runs` keeps
    /// — and the final status), else deletes its folder.
    /// Returns whether it was kept, and warnings for the user.
    package func finish(_ report: ReproReport, pipeline: Pipeline, now: Date) -> (kept: Bool, warnings: [String]) {
        guard keepWhenNothingRan || report.outcomes.contains(where: Self.didWork), let writer else {
            try? existingWriter?.discard()
            return (false, problems.withLock { $0 })
        }
        copyLocks(into: writer)
        let (metrics, warnings) = WorkspaceValues.metrics(of: pipeline)
        do {
            try writer.writeMetrics(metrics)
        } catch {
            note("could not write metrics.json: \(error)")
        }
        let interrupted = report.interrupted || report.outcomes.contains { $0.action == .interrupted }
        let status: RunStatus = interrupted ? .killed : report.succeeded ? .finished : .failed
        save(in: writer) { record in
            record.stages = report.outcomes.map(Self.stageRecord)
            record.status = status
            record.endTime = now
        }
        do {
            try writer.flush()
        } catch {
            note("could not update run.json: \(error)")
        }
        return (true, warnings + problems.withLock { $0 })
    }

    /// Writes the lock state into the run: what `gc --keep-runs` keeps. With one lock
    /// file in the root, its entries are keyed by bare name, as the file itself is.
    private func copyLocks(into writer: RunWriter) {
        let existing = lockFiles.filter { FileManager.default.fileExists(atPath: root + "/" + $0) }
        guard !existing.isEmpty else { return }
        let pipelineFiles = Dictionary(pipeline.files.map { (LockSet.lockPath(forPipelineFile: $0), $0) }, uniquingKeysWith: { a, _ in a })
        do {
            let merged = try LockSet.read(root: root, paths: existing).merged { lockPath, name in
                StageSpec.address(file: pipelineFiles[lockPath] ?? lockPath, name: name)
            }
            try AtomicFile.write(merged.text, to: writer.directory + "/" + Self.lockCopyName)
        } catch {
            note("could not copy the lock file into the run: \(error)")
        }
    }

    /// Ends a run whose repro stopped with an error before it could report: kept
    /// as failed when a stage had already run, else deleted.
    package func abandon(now: Date) {
        guard let writer = existingWriter else { return }
        if writer.record.stages.contains(where: { $0.action != .skipped && $0.action != .frozen }) {
            try? writer.finish(.failed, at: now)
        } else {
            try? writer.discard()
        }
    }

    /// Whether a stage's outcome means the repro did something worth recording.
    private static func didWork(_ outcome: StageOutcome) -> Bool {
        switch outcome.action {
        case .executed, .restored, .interrupted: true
        case .failed: outcome.log != nil  // its command ran; a stage that could not start did nothing
        default: false
        }
    }

    private static func stageRecord(_ outcome: StageOutcome) -> StageRecord {
        let action = StageRecord.Action(rawValue: outcome.action.rawValue) ?? .failed
        let ran = outcome.log != nil
        return StageRecord(
            name: outcome.stage, action: action, reasons: outcome.reasons.map(\.summary),
            duration: ran ? outcome.duration : nil,
            exitCode: outcome.exitCode.map(Int.init) ?? (action == .executed ? 0 : nil),
            log: ran ? "logs/\(outcome.stage).log" : nil, message: outcome.message)
    }

    private func save(_ stage: StageRecord, in writer: RunWriter?) {
        guard let writer else { return }
        do {
            try writer.update(stage: stage)
        } catch {
            note("could not update run.json: \(error)")
        }
    }

    private func save(in writer: RunWriter?, _ change: (inout RunRecord) -> Void) {
        guard let writer else { return }
        do {
            try writer.update(change)
        } catch {
            note("could not update run.json: \(error)")
        }
    }

    private func note(_ problem: String) {
        problems.withLock { $0.append("run \(reservedID): \(problem)") }
    }
}
