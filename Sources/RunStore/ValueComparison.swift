import Basics

/// Flattened values of several runs (or a run and the workspace) side by side:
/// one row per key, which rows differ, and numeric differences from the first
/// column. Used by `runs compare`, `metrics diff` and `params diff`.
package struct ValueComparison: Sendable {
    /// One key across the columns.
    package struct Row: Sendable {
        /// The flattened key.
        package var key: String
        /// The value in each column; `nil` where that column lacks the key.
        package var values: [JSONValue?]

        /// Whether any column differs from another (numbers compare by value, so 1 == 1.0).
        package var changed: Bool {
            guard let first = values.first else { return false }
            return values.dropFirst().contains { value in
                switch (first, value) {
                case (nil, nil): false
                case let (a?, b?): !a.sameValue(as: b)
                default: true
                }
            }
        }

        /// For each column, its value minus the first column's, when both are numbers
        /// (`nil` for the first column itself).
        package var deltas: [Double?] {
            let base = values.first.flatMap { $0.flatMap(FlatValues.number) }
            return values.indices.map { index in
                guard index > 0, let base, let value = values[index].flatMap(FlatValues.number) else { return nil }
                return value - base
            }
        }

        /// The row as JSON: key, values, deltas and whether it changed.
        package var json: JSONValue {
            .object([
                "key": .string(key), "values": .array(values.map { $0 ?? .null }),
                "deltas": .array(deltas.map { $0.map(JSONValue.double) ?? .null }), "changed": .bool(changed),
            ])
        }
    }

    /// Rows in the order keys first appear, column by column.
    package var rows: [Row]

    /// Lines up `columns`.
    package init(_ columns: [FlatValues]) {
        var keys: [String] = [], seen: Set<String> = []
        for column in columns {
            for key in column.keys where seen.insert(key).inserted { keys.append(key) }
        }
        rows = keys.map { key in Row(key: key, values: columns.map { $0[key] }) }
    }

    /// Only the rows whose values differ.
    package var changedRows: [Row] { rows.filter(\.changed) }
}
