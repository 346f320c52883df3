import Basics
import Foundation

/// Appends step metrics to a run's history.jsonl: one JSON object per line,
/// `{"key": "loss", "step": 3, "value": 0.25, "time": 1795350615.123}` (time in
/// seconds since 1970).
///
/// Tasks running inside `sluice repro` find the run folder in `SLUICE_RUN_DIR`;
/// lines from stages logging at once never interleave (`JSONLinesAppender`).
package struct HistoryWriter: Sendable {
    /// The history file.
    package let path: String

    /// A writer for the run folder `runDirectory`.
    package init(runDirectory: String) {
        path = runDirectory + "/history.jsonl"
    }

    /// A writer for the run named by `SLUICE_RUN_DIR`, `nil` outside a recorded run.
    package static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> HistoryWriter? {
        guard let directory = environment["SLUICE_RUN_DIR"], !directory.isEmpty else { return nil }
        return HistoryWriter(runDirectory: directory)
    }

    /// Appends one point.
    package func append(_ point: HistoryPoint) throws {
        try append([point])
    }

    /// Appends `key` = `value` at `step`, timed now.
    package func append(key: String, step: Int, value: Double, time: Date = Date()) throws {
        try append(HistoryPoint(key: key, step: step, value: value, time: time))
    }

    /// Appends several points, each as its own line and its own write.
    package func append(_ points: [HistoryPoint]) throws {
        try JSONLinesAppender(path: path).append(points.map(\.json))
    }
}
