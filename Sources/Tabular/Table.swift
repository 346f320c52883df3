// Tabular: columnar tables of numbers and text, CSV reading and writing, and the
// column statistics that data preparation needs (imputers, scalers, outlier
// clipping, splits, metrics).
//
// This module must not know about pipelines, params.yaml, the command line or
// printing: it takes values and returns values or throws `Diagnostic`s, and the
// callers decide where configuration comes from and how problems are shown.
import Basics

/// A table stored column by column, with ordered, unique column names.
///
/// Columns are stored whole so that statistics, scaling and the GBDT's binning
/// run over contiguous arrays; rows are only materialised when a caller asks.
package struct Table: Sendable, Equatable {
    /// The column names, in order. Names may contain spaces and are unique.
    package private(set) var columnNames: [String]
    /// The columns, in the order of `columnNames`.
    package private(set) var columns: [Column]
    /// The number of rows; every column has this many cells.
    package private(set) var rowCount: Int
    private var positions: [String: Int]

    /// An empty table: no columns, no rows.
    package init() {
        columnNames = []
        columns = []
        rowCount = 0
        positions = [:]
    }

    /// A table from named columns; throws when names repeat or lengths differ.
    package init(_ namedColumns: [(name: String, column: Column)]) throws {
        self.init()
        for (name, column) in namedColumns { try append(column, named: name) }
    }

    /// The number of columns.
    package var columnCount: Int { columns.count }

    /// The position of the column called `name`, if there is one.
    package func index(ofColumn name: String) -> Int? { positions[name] }

    /// The column called `name`, if there is one.
    package subscript(name: String) -> Column? {
        positions[name].map { columns[$0] }
    }

    /// The column called `name`; throws a diagnostic (with a spelling suggestion) when absent.
    package func column(named name: String) throws -> Column {
        guard let position = positions[name] else { throw unknownColumn(name) }
        return columns[position]
    }

    /// The numbers of the column called `name`; throws when it is absent or holds text or dates.
    package func numericColumn(named name: String) throws -> [Double] {
        switch try column(named: name) {
        case .numeric(let values):
            return values
        case .category(let column):
            let example = column.categories.first { FloatParser.parse($0) == nil } ?? column.categories.first ?? ""
            throw Diagnostic.failure(
                "column '\(name)' holds text (for example '\(example)'), expected numbers",
                hint: "convert or drop the column before using it as a number")
        case .datetime:
            throw Diagnostic.failure(
                "column '\(name)' holds dates, expected numbers",
                hint: "drop the column, or declare it type: number in the schema")
        }
    }

    /// The named columns, the table given up: a reader that turns each column into
    /// something else can let each go as it is done, rather than hold the whole table.
    package consuming func takeColumns() -> [(name: String, column: Column)] {
        Array(zip(columnNames, columns))
    }

    /// Adds `column` at the end; throws when the name is taken or the length differs.
    package mutating func append(_ column: Column, named name: String) throws {
        guard positions[name] == nil else {
            throw Diagnostic.failure("a column named '\(name)' already exists", hint: "column names must be unique")
        }
        if !columns.isEmpty && column.count != rowCount {
            throw Diagnostic.failure(
                "column '\(name)' has \(column.count) rows, expected \(rowCount)",
                hint: "every column of a table has the same number of rows")
        }
        if columns.isEmpty { rowCount = column.count }
        positions[name] = columns.count
        columnNames.append(name)
        columns.append(column)
    }

    /// Replaces the cells of the existing column `name`, keeping its position.
    package mutating func replace(_ name: String, with column: Column) throws {
        guard let position = positions[name] else { throw unknownColumn(name) }
        guard column.count == rowCount else {
            throw Diagnostic.failure(
                "column '\(name)' has \(column.count) rows, expected \(rowCount)",
                hint: "every column of a table has the same number of rows")
        }
        columns[position] = column
    }

    /// Tables are equal when they have the same names in the same order and equal columns.
    package static func == (lhs: Table, rhs: Table) -> Bool {
        lhs.columnNames == rhs.columnNames && lhs.rowCount == rhs.rowCount && lhs.columns == rhs.columns
    }

    /// The diagnostic for a name that is not a column, suggesting the closest one.
    func unknownColumn(_ name: String) -> Diagnostic {
        let hint = Suggestion.closest(to: name, among: columnNames).map { "did you mean '\($0)'?" }
            ?? "the columns are: \(columnNames.map { "'\($0)'" }.joined(separator: ", "))"
        return Diagnostic.failure("no column named '\(name)'", hint: hint)
    }

    /// Rebuilds a table from parts already known to be consistent (same lengths, unique names).
    init(validatedNames names: [String], columns: [Column], rowCount: Int) {
        columnNames = names
        self.columns = columns
        self.rowCount = rowCount
        positions = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    }
}
