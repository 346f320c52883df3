import Basics

/// One value a sweep assigns to a parameter: what a `choice`, a `range` or a plain
/// value in an expression stands for, or what a continuous domain drew.
package enum SearchValue: Sendable, Hashable, CustomStringConvertible {
    /// A whole number (`5`, `-3`).
    case int(Int)
    /// A real number (`0.1`, `1e-3`, or a draw from `uniform`/`loguniform`).
    case double(Double)
    /// A name or quoted text (`gbtree`, `'a,b'`).
    case string(String)
    /// `true` or `false`.
    case bool(Bool)

    /// The number this value holds, for numeric domains; `nil` for text and booleans.
    package var number: Double? {
        switch self {
        case .int(let value): Double(value)
        case .double(let value): value
        case .string, .bool: nil
        }
    }

    /// The value as an expression spells it back: numbers as YAML reads them, text unquoted.
    package var description: String {
        switch self {
        case .int(let value): String(value)
        case .double(let value): JSONWriter.number(value)
        case .string(let text): text
        case .bool(let value): value ? "true" : "false"
        }
    }

    /// The value as JSON, for metrics files and run records.
    package var json: JSONValue {
        switch self {
        case .int(let value): .int(value)
        case .double(let value): .double(value)
        case .string(let text): .string(text)
        case .bool(let value): .bool(value)
        }
    }
}
