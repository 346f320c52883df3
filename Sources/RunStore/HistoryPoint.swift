import Basics
import Foundation

/// One step metric a task logged: a value of `key` at `step`.
package struct HistoryPoint: Sendable, Equatable {
    /// The metric name, e.g. `train.loss`.
    package var key: String
    /// The step (boosting round, epoch).
    package var step: Int
    /// The value; NaN is written as `null`.
    package var value: Double
    /// When it was logged.
    package var time: Date

    /// Creates a point.
    package init(key: String, step: Int, value: Double, time: Date) {
        self.key = key
        self.step = step
        self.value = value
        self.time = time
    }

    /// The point as a history.jsonl line holds it (time in seconds, millisecond precision).
    package var json: JSONValue {
        .object([
            "key": .string(key), "step": .int(step), "value": .double(value),
            "time": .double((time.timeIntervalSince1970 * 1000).rounded() / 1000),
        ])
    }

    /// Reads a line's object; `time` may be seconds since 1970 or an ISO 8601 string.
    /// A point whose time lies outside years 1 to 9999, or whose step is not a whole
    /// number below 10^18, is not one (a damaged or hand-edited line): `nil`, so the
    /// reader skips it rather than carry a value no export can convert.
    init?(json: JSONValue) {
        let fields = JSONFields(json, file: "history.jsonl", context: "point")
        guard let key = fields.optionalString("key"), !key.isEmpty else { return nil }
        let time: Date? = if let seconds = fields.double("time") {
            Timestamp.isRepresentable(seconds) ? Date(timeIntervalSince1970: seconds) : nil
        } else {
            fields.optionalString("time").flatMap(Timestamp.date)
        }
        let step: Int? = switch fields.value["step"] {
        case nil, .null?: 0
        default: fields.int("step")
        }
        guard let time, let step else { return nil }
        self.key = key
        self.step = step
        value = fields.double("value") ?? .nan
        self.time = time
    }
}
