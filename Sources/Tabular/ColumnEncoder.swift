import Basics

/// A fitted encoding of one raw column into numeric feature columns.
package enum ColumnEncoder: Sendable, Hashable {
    /// 0/1 columns per category.
    case onehot(FittedOneHotEncoder)
    /// The category's position in an explicit order.
    case ordinal(OrdinalEncoder)
    /// Date parts.
    case dateParts(DateParts)
    /// The smoothed target mean per category.
    case target(FittedTargetEncoder)
    /// The categories themselves, for trees that split on them.
    case native(NativeCategoryEncoder)

    /// Whether the encoding reads the column's cells as categories (so readers must
    /// keep them as text: `01` stays `01`).
    package var readsCategories: Bool {
        if case .dateParts = self { return false }
        return true
    }

    /// Whether the encoded column is still categories (no imputation or scaling applies).
    package var keepsCategories: Bool {
        if case .native = self { return true }
        return false
    }

    /// The names of the columns `transform` writes for the column `name`.
    package func outputNames(_ name: String) -> [String] {
        switch self {
        case .onehot(let encoder): encoder.outputNames(name)
        case .ordinal, .target, .native: [name]
        case .dateParts(let parts): parts.outputNames(name)
        }
    }

    /// The encoded columns of `column` (called `name`); throws when its type does not
    /// fit the encoding, or on an unseen category with `handle_unknown: error`.
    package func transform(_ column: Column, name: String) throws -> [(name: String, column: Column)] {
        switch (self, column) {
        case (.onehot(let encoder), .category(let categories)):
            return try encoder.transform(categories, name: name)
        case (.ordinal(let encoder), .category(let categories)):
            return [(name, try encoder.transform(categories, name: name))]
        case (.target(let encoder), .category(let categories)):
            return [(name, .numeric(try encoder.transform(categories, name: name)))]
        case (.native(let encoder), .category(let categories)):
            return [(name, .category(try encoder.transform(categories, name: name)))]
        case (.dateParts(let parts), .datetime(let seconds)):
            return parts.transform(seconds, name: name)
        case (.onehot, _), (.ordinal, _), (.target, _), (.native, _):
            // A column of digits only reads as numbers; its cells are still categories.
            if case .numeric(let values) = column {
                let text = CategoryColumn(values.map { $0.isNaN ? "" : CSVWriter.format($0) })
                return try transform(.category(text), name: name)
            }
            throw Diagnostic.failure("column '\(name)' holds \(column.type.rawValue)s, but its encoding expects categories",
                                     hint: "declare its type in the schema, or prepare again")
        case (.dateParts, _):
            throw Diagnostic.failure("column '\(name)' holds \(column.type.rawValue)s, but its encoding expects dates",
                                     hint: "declare it type: datetime in the schema, or prepare again")
        }
    }
}
