import Basics

/// `native` encoding: a category column stays categories, for trees that split on
/// them directly (XGBoost's `enable_categorical`). Fitting records the training
/// split's categories; transforming keeps those and turns any other value into a
/// missing cell (which the trees route by their learned default) or an error.
package struct NativeCategoryEncoder: Sendable, Hashable {
    /// The categories of the training split, sorted (the order the trees' codes follow).
    package var categories: [String]
    /// What a category outside `categories` becomes (`infrequent` has no category to
    /// go to here, so it is treated as missing).
    package var handleUnknown: UnknownCategoryHandling

    /// An encoder that keeps `categories`.
    package init(categories: [String], handleUnknown: UnknownCategoryHandling = .missing) {
        self.categories = categories
        self.handleUnknown = handleUnknown
    }

    /// The encoder fitted on the training split `column`: the categories some cell holds.
    package static func fit(_ column: CategoryColumn, handleUnknown: UnknownCategoryHandling) -> NativeCategoryEncoder {
        let counts = column.counts
        let present = column.categories.indices.filter { counts[$0] > 0 }.map { column.categories[$0] }
        return NativeCategoryEncoder(categories: present.sorted(), handleUnknown: handleUnknown)
    }

    /// `column` (called `name`) over the fitted categories: an unseen value is missing,
    /// or an error naming its row with `handle_unknown: error`.
    package func transform(_ column: CategoryColumn, name: String) throws -> CategoryColumn {
        let index = Dictionary(categories.enumerated().map { ($1, UInt32($0)) }, uniquingKeysWith: { first, _ in first })
        let remap = column.categories.map { index[$0] }
        var codes = [UInt32](repeating: CategoryColumn.missingCode, count: column.count)
        for (row, code) in column.codes.enumerated() where code != CategoryColumn.missingCode {
            if let mapped = remap[Int(code)] {
                codes[row] = mapped
            } else if handleUnknown == .error {
                throw handleUnknown.unknown(column.categories[Int(code)], column: name, row: row)
            }
        }
        return CategoryColumn(validatedCodes: codes, categories: categories)
    }
}
