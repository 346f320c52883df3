import Basics

/// Ordinal encoding with an explicit order (cut grades: Fair < Good < Ideal): a
/// category becomes its position in `order`, starting at 0.
package struct OrdinalEncoder: Sendable, Hashable {
    /// The categories, lowest first.
    package var order: [String]
    /// What a category outside `order` becomes at transform time (`infrequent` has no
    /// column to go to here, so it is treated as missing).
    package var handleUnknown: UnknownCategoryHandling

    /// An encoder for `order`.
    package init(order: [String], handleUnknown: UnknownCategoryHandling = .missing) {
        self.order = order
        self.handleUnknown = handleUnknown
    }

    /// Checks that every category of the training split `column` (called `name`) is in
    /// `order`: one that is not is an error naming it.
    package func fit(_ column: CategoryColumn, name: String) throws -> OrdinalEncoder {
        let known = Set(order)
        let counts = column.counts
        if let code = counts.indices.first(where: { counts[$0] > 0 && !known.contains(column.categories[$0]) }) {
            let value = column.categories[code]
            throw Diagnostic.failure(
                "column '\(name)' holds '\(value)', which its ordinal order: list does not name",
                hint: "add '\(value)' to order: (\(order.joined(separator: ", "))), or use another encoding for '\(name)'")
        }
        return self
    }

    /// The positions of `column`'s cells in `order`, NaN where missing or unseen.
    package func transform(_ column: CategoryColumn, name: String) throws -> Column {
        var position: [String: Double] = [:]
        for (index, value) in order.enumerated() where position[value] == nil { position[value] = Double(index) }
        let mapped = column.categories.map { position[$0] }
        var values = [Double](repeating: .nan, count: column.count)
        for (row, code) in column.codes.enumerated() where code != CategoryColumn.missingCode {
            if let value = mapped[Int(code)] {
                values[row] = value
            } else if handleUnknown == .error {
                throw handleUnknown.unknown(column.categories[Int(code)], column: name, row: row)
            }
        }
        return .numeric(values)
    }
}
