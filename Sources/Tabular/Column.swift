/// One column of a `Table`: numbers, categories (text), or dates and times.
///
/// Numeric and date columns mark a missing cell with NaN, so arithmetic code can
/// work on a plain `[Double]`. Category columns keep one code per cell and one
/// dictionary, never a String per cell. Booleans are numeric columns of 0 and 1.
package enum Column: Sendable, CustomStringConvertible {
    /// Numbers, NaN where a value is missing.
    case numeric([Double])
    /// Text values as codes into one dictionary.
    case category(CategoryColumn)
    /// Seconds since 1970-01-01 00:00:00 UTC, NaN where a value is missing.
    case datetime([Double])

    /// A category column of `values`, `""` meaning missing.
    package static func category(strings values: [String]) -> Column {
        .category(CategoryColumn(values))
    }

    /// The number of cells.
    package var count: Int {
        switch self {
        case .numeric(let values), .datetime(let values): values.count
        case .category(let column): column.count
        }
    }

    /// The column's type as a `schema:` would name it (booleans are numbers by then).
    package var type: ColumnType {
        switch self {
        case .numeric: .number
        case .category: .category
        case .datetime: .datetime
        }
    }

    /// Whether the column holds numbers.
    package var isNumeric: Bool {
        if case .numeric = self { return true }
        return false
    }

    /// The numbers, or nil for a category or date column.
    package var numericValues: [Double]? {
        if case .numeric(let values) = self { return values }
        return nil
    }

    /// The categories, or nil for other columns.
    package var categoryValues: CategoryColumn? {
        if case .category(let column) = self { return column }
        return nil
    }

    /// Every cell as text, `""` where missing, or nil for a numeric or date column.
    package var stringValues: [String]? {
        categoryValues?.strings
    }

    /// Whether the cell at `row` is missing.
    package func isMissing(at row: Int) -> Bool {
        switch self {
        case .numeric(let values), .datetime(let values): values[row].isNaN
        case .category(let column): column.codes[row] == CategoryColumn.missingCode
        }
    }

    /// The number of missing cells.
    package var missingCount: Int {
        switch self {
        case .numeric(let values), .datetime(let values): values.reduce(0) { $0 + ($1.isNaN ? 1 : 0) }
        case .category(let column): column.missingCount
        }
    }

    /// The cells at `rows`, in that order (rows may repeat).
    package func taking(_ rows: [Int]) -> Column {
        switch self {
        case .numeric(let values): .numeric(rows.map { values[$0] })
        case .category(let column): .category(column.taking(rows))
        case .datetime(let values): .datetime(rows.map { values[$0] })
        }
    }

    /// `numeric(3 cells: [1.0, nan, 2.5])`, listing at most the first eight cells so
    /// that a test failure on a large column stays readable.
    package var description: String {
        switch self {
        case .numeric(let values): "numeric(\(Self.preview(values.count, values.prefix(8).map { String(reflecting: $0) })))"
        case .category(let column): "category(\(column))"
        case .datetime(let values): "datetime(\(Self.preview(values.count, values.prefix(8).map { $0.isNaN ? "nil" : DateTimeFormatter.format($0) })))"
        }
    }

    private static func preview(_ count: Int, _ shown: [String]) -> String {
        "\(count) \(count == 1 ? "cell" : "cells"): [\(shown.joined(separator: ", "))\(count > 8 ? ", …" : "")]"
    }
}

extension Column: Equatable {
    /// Cells compare by value, and a missing cell equals a missing cell, so two reads
    /// of the same file compare equal even though NaN != NaN.
    package static func == (lhs: Column, rhs: Column) -> Bool {
        switch (lhs, rhs) {
        case (.numeric(let a), .numeric(let b)), (.datetime(let a), .datetime(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
        case (.category(let a), .category(let b)):
            a == b
        default:
            false
        }
    }
}
