import Basics
import Foundation

/// Appends step metrics to a run's history.jsonl: one JSON object per line,
/// `{"key": "loss", "step": 3, "value": 0.25, "time": 1795350615.123}` (time in
/// seconds since 1970).
///
/// Tasks running inside `sluice repro` find the run folder in `SLUICE_RUN_DIR`.
/// Several stages may log at once from different processes, so each line is one
/// `write` to a file opened with `O_APPEND`: lines never interleave.
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
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.error(path) }
        defer { close(descriptor) }
        for point in points {
            let line = Array((JSONWriter.canonical.string(point.json) + "\n").utf8)
            let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard written == line.count else { throw Self.error(path) }
        }
    }

    private static func error(_ path: String) -> Error {
        CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)])
    }
}
