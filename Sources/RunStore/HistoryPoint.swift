import Basics
import Foundation

/// One step metric a task logged: a value of `key` at `step`.
public struct HistoryPoint: Sendable, Equatable {
    /// The metric name, e.g. `train.loss`.
    public var key: String
    /// The step (boosting round, epoch).
    public var step: Int
    /// The value; NaN is written as `null`.
    public var value: Double
    /// When it was logged.
    public var time: Date

    /// Creates a point.
    public init(key: String, step: Int, value: Double, time: Date) {
        self.key = key
        self.step = step
        self.value = value
        self.time = time
    }

    /// The point as a history.jsonl line holds it (time in seconds, millisecond precision).
    public var json: JSONValue {
        .object([
            "key": .string(key), "step": .int(step), "value": .double(value),
            "time": .double((time.timeIntervalSince1970 * 1000).rounded() / 1000),
        ])
    }

    /// Reads a line's object; `time` may be seconds since 1970 or an ISO 8601 string.
    init?(json: JSONValue) {
        let fields = JSONFields(json, file: "history.jsonl", context: "point")
        guard let key = fields.optionalString("key"), !key.isEmpty else { return nil }
        let time: Date? = if let seconds = fields.double("time") {
            Date(timeIntervalSince1970: seconds)
        } else {
            fields.optionalString("time").flatMap(Timestamp.date)
        }
        guard let time else { return nil }
        self.key = key
        step = fields.int("step") ?? 0
        value = fields.double("value") ?? .nan
        self.time = time
    }
}
