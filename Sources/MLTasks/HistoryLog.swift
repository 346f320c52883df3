import Basics
import Foundation

/// Appends step metrics to a run's `history.jsonl`, one line per `write` with
/// O_APPEND so that lines from concurrent writers never interleave:
/// `{"key": "train_rmse", "step": 3, "value": 4.2, "time": 1763807415123}`.
public struct HistoryLog: Sendable {
    /// The file appended to.
    public let path: String

    /// A log in the run directory `runDirectory`.
    public init(runDirectory: String) {
        path = (runDirectory as NSString).appendingPathComponent("history.jsonl")
    }

    /// Appends one line per metric; `time` is milliseconds since 1970.
    public func append(step: Int, values: [(key: String, value: Double)], time: Date = Date()) throws {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        guard descriptor >= 0 else {
            throw Diagnostic.error("cannot append to \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let milliseconds = Int((time.timeIntervalSince1970 * 1000).rounded())
        for (key, value) in values {
            let line = JSONWriter(indent: nil, sortKeys: false).string(.object([
                ("key", .string(key)), ("step", .int(step)), ("value", .double(value)), ("time", .int(milliseconds)),
            ])) + "\n"
            let bytes = Array(line.utf8)
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            guard written == bytes.count else {
                throw Diagnostic.error("cannot append to \(path): \(String(cString: strerror(errno)))")
            }
        }
    }
}
