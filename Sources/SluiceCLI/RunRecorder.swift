import Basics
import Foundation
import Pipeline
import PipelineEngine
import RunStore
import Synchronization

/// Records one `sluice repro` in the run store. The engine knows nothing of runs:
/// this bridge gives it the run's `logs/` folder and environment, follows its
/// events into run.json as stages finish, and writes the params and metrics.
///
/// A repro that neither runs nor restores a stage leaves no run behind.
final class RunRecorder: Sendable {
    private let writer: RunWriter
    private let problems = Mutex<[String]>([])

    private init(writer: RunWriter) { self.writer = writer }

    /// Creates `runs/<id>/` with a running record and the params the pipeline tracks.
    static func start(workspace: Workspace, pipeline: Pipeline, name: String?, now: Date) throws -> RunRecorder {
        let environment = ProcessInfo.processInfo.environment
        let record = RunRecord(
            name: name, startTime: now, command: ["sluice"] + CommandLine.arguments.dropFirst(),
            git: GitState.probe(directory: workspace.root), process: .current(),
            user: environment["USER"] ?? environment["LOGNAME"] ?? loginName())
        let writer = try RunStore(directory: workspace.runsDirectory).create(record)
        let recorder = RunRecorder(writer: writer)
        do {
            try writer.writeParams(WorkspaceValues.params(of: pipeline))
        } catch {
            try? writer.discard()
            throw error
        }
        return recorder
    }

    /// The account running sluice, when neither USER nor LOGNAME says (as in some containers).
    private static func loginName() -> String? {
        guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return nil }
        return String(cString: name)
    }

    /// The name of the lock file's copy in a run folder.
    static let lockCopyName = "pipeline.lock"

    /// The run id.
    var id: String { writer.id }
    /// Where the engine writes stage logs.
    var logDirectory: String { writer.logDirectory }
    /// What stages find in their environment: the run folder and id.
    var environment: [String: String] { ["SLUICE_RUN_DIR": writer.directory, "SLUICE_RUN_ID": writer.id] }

    /// Follows the repro: a stage that starts is recorded as running, one that ends with its outcome.
    func observe(_ event: ReproEvent) {
        switch event {
        case .stageStarted(let stage, let reasons):
            save { $0.update(StageRecord(name: stage, action: .running, reasons: reasons.map(\.summary))) }
        case .stageFinished(let outcome):
            save { $0.update(Self.stageRecord(outcome)) }
        default:
            break
        }
    }

    /// Ends the run after the repro: keeps it when a stage ran or was restored
    /// (writing metrics.json, a copy of the lock file — what `gc --keep-runs` keeps
    /// — and the final status), else deletes its folder.
    /// Returns whether it was kept, and warnings for the user.
    func finish(_ report: ReproReport, pipeline: Pipeline, lockPath: String, now: Date) -> (kept: Bool, warnings: [String]) {
        guard report.outcomes.contains(where: Self.didWork) else {
            try? writer.discard()
            return (false, [])
        }
        if let lock = FileManager.default.contents(atPath: lockPath) {
            do {
                try AtomicFile.write(lock, to: writer.directory + "/" + Self.lockCopyName)
            } catch {
                note("could not copy the lock file into the run: \(error)")
            }
        }
        let (metrics, warnings) = WorkspaceValues.metrics(of: pipeline)
        do {
            try writer.writeMetrics(metrics)
        } catch {
            note("could not write metrics.json: \(error)")
        }
        let interrupted = report.outcomes.contains { $0.action == .interrupted }
        let status: RunStatus = interrupted ? .killed : report.succeeded ? .finished : .failed
        save { record in
            record.stages = report.outcomes.map(Self.stageRecord)
            record.status = status
            record.endTime = now
        }
        return (true, warnings + problems.withLock { $0 })
    }

    /// Ends a run whose repro stopped with an error before it could report: kept
    /// as failed when a stage had already run, else deleted.
    func abandon(now: Date) {
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

    private func save(_ change: (inout RunRecord) -> Void) {
        do {
            try writer.update(change)
        } catch {
            note("could not update run.json: \(error)")
        }
    }

    private func note(_ problem: String) {
        problems.withLock { $0.append("run \(writer.id): \(problem)") }
    }
}
