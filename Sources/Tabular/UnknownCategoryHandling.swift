import Basics

/// What an encoder does with a category it did not see when it was fitted.
package enum UnknownCategoryHandling: String, Sendable, Hashable, CaseIterable {
    /// Treated as a missing cell: an all-zero one-hot row (scikit-learn's
    /// `handle_unknown="ignore"`), NaN for the ordinal code.
    case missing
    /// Counted in the one-hot "infrequent" column when there is one, else as missing
    /// (scikit-learn's `handle_unknown="infrequent_if_exist"`).
    case infrequent
    /// An error naming the value, its column and row.
    case error

    /// The error for `value` met in `column` at data row `row` (0-based).
    func unknown(_ value: String, column: String, row: Int) -> Diagnostic {
        Diagnostic.failure(
            "column '\(column)', row \(row + 2): category '\(value)' was not in the training split",
            hint: "set handle_unknown: missing (or infrequent) in prepare.encoding to accept unseen categories")
    }
}
