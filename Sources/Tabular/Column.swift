/// One column of a `Table`: numbers, or text.
///
/// Numeric columns mark a missing cell with NaN, so arithmetic code can work on a
/// plain `[Double]`. Text columns mark a missing cell with the empty string, which is
/// also what the CSV writer emits for it.
package enum Column: Sendable, CustomStringConvertible {
    /// Numbers, NaN where a value is missing.
    case numeric([Double])
    /// Text, `""` where a value is missing.
    case string([String])

    /// The number of cells.
    package var count: Int {
        switch self {
        case .numeric(let values): values.count
        case .string(let values): values.count
        }
    }

    /// Whether the column holds numbers.
    package var isNumeric: Bool {
        if case .numeric = self { return true }
        return false
    }

    /// The numbers, or nil for a text column.
    package var numericValues: [Double]? {
        if case .numeric(let values) = self { return values }
        return nil
    }

    /// The text, or nil for a numeric column.
    package var stringValues: [String]? {
        if case .string(let values) = self { return values }
        return nil
    }

    /// Whether the cell at `row` is missing (NaN or the empty string).
    package func isMissing(at row: Int) -> Bool {
        switch self {
        case .numeric(let values): values[row].isNaN
        case .string(let values): values[row].isEmpty
        }
    }

    /// The number of missing cells.
    package var missingCount: Int {
        switch self {
        case .numeric(let values): values.reduce(0) { $0 + ($1.isNaN ? 1 : 0) }
        case .string(let values): values.reduce(0) { $0 + ($1.isEmpty ? 1 : 0) }
        }
    }

    /// The cells at `rows`, in that order (rows may repeat).
    package func taking(_ rows: [Int]) -> Column {
        switch self {
        case .numeric(let values): .numeric(rows.map { values[$0] })
        case .string(let values): .string(rows.map { values[$0] })
        }
    }

    /// `numeric(3 cells: [1.0, nan, 2.5])`, listing at most the first eight cells so
    /// that a test failure on a large column stays readable.
    package var description: String {
        switch self {
        case .numeric(let values): "numeric(\(Self.preview(values)))"
        case .string(let values): "string(\(Self.preview(values)))"
        }
    }

    private static func preview<T>(_ values: [T]) -> String {
        let shown = values.prefix(8).map { String(reflecting: $0) }.joined(separator: ", ")
        return "\(values.count) \(values.count == 1 ? "cell" : "cells"): [\(shown)\(values.count > 8 ? ", …" : "")]"
    }
}

extension Column: Equatable {
    /// Cells compare by value, and a missing cell equals a missing cell, so two reads
    /// of the same file compare equal even though NaN != NaN.
    package static func == (lhs: Column, rhs: Column) -> Bool {
        switch (lhs, rhs) {
        case (.numeric(let a), .numeric(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
        case (.string(let a), .string(let b)):
            a == b
        default:
            false
        }
    }
}
