import Basics

/// Fill values learnt by `Imputer.fit`, as plain data a preprocessor file can store.
package struct FittedImputer: Sendable, Hashable {
    /// The value that replaces a missing cell, per column.
    package var fillValues: [String: Double]
    /// Columns in which a missing cell drops its whole row.
    package var dropColumns: [String]

    /// Fitted values, for example read back from a preprocessor file.
    package init(fillValues: [String: Double], dropColumns: [String] = []) {
        self.fillValues = fillValues
        self.dropColumns = dropColumns
    }

    /// `table` without the rows that miss a value in a drop column, and with the
    /// missing cells of the fill columns filled. Throws when a column is absent.
    package func transform(_ table: Table) throws -> Table {
        var result = table
        if !dropColumns.isEmpty {
            let drop = try dropColumns.map { try table.column(named: $0) }
            let kept = (0..<table.rowCount).filter { row in !drop.contains { $0.isMissing(at: row) } }
            if kept.count != table.rowCount { result = table.takingRows(kept) }
        }
        return try result.mappingNumericColumns(fillValues.keys.sorted()) { name, values in
            let fill = fillValues[name] ?? .nan
            return values.map { $0.isNaN ? fill : $0 }
        }
    }
}
