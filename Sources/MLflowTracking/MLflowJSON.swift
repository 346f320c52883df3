import Basics
import RunStore

/// Reading the parts of MLflow's JSON answers that vary: int64 fields come as
/// numbers or strings, doubles as numbers or `"NaN"`/`"Infinity"` strings.
enum MLflowJSON {
    /// An integer from a number or a numeric string.
    static func integer(_ value: JSONValue) -> Int64? {
        switch value {
        case .int(let int): Int64(int)
        case .double(let double): Int64(exactly: double)
        case .string(let text): Int64(text)
        default: nil
        }
    }

    /// A double from a number or protobuf's JSON strings.
    static func double(_ value: JSONValue) -> Double? {
        switch value {
        case .int(let int): Double(int)
        case .double(let double): double
        case .string("NaN"): .nan
        case .string("Infinity"): .infinity
        case .string("-Infinity"): -.infinity
        case .string(let text): Double(text)
        default: nil
        }
    }

    /// `[{"key": …, "value": …}]` as pairs.
    static func pairs(_ value: JSONValue?) -> [(key: String, value: String)] {
        guard case .array(let items)? = value else { return [] }
        return items.compactMap { item in
            guard let key = item["key"]?.text else { return nil }
            return (key, item["value"]?.text ?? "")
        }
    }

    /// The points of a `metrics/get-history` answer.
    static func points(_ value: JSONValue?) -> [MLflowRunContent.Point] {
        guard case .array(let items)? = value?["metrics"] else { return [] }
        return items.compactMap(point)
    }

    /// One `Metric` (`{"key", "value", "timestamp", "step"}`) as a point.
    static func point(_ item: JSONValue) -> MLflowRunContent.Point? {
        guard let value = item["value"].flatMap(double), let timestamp = item["timestamp"].flatMap(integer) else { return nil }
        return MLflowRunContent.Point(timestamp: timestamp, value: value, step: Int(item["step"].flatMap(integer) ?? 0))
    }
}

extension JSONValue {
    /// The string, when this is one.
    var text: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}
