/// The kinds of column a CSV file can hold, as a `schema:` names them.
package enum ColumnType: String, Sendable, Hashable, CaseIterable {
    /// Numbers; NaN where missing.
    case number
    /// `true/false/yes/no`, stored as the numbers 1 and 0 so every numeric step
    /// (trees, scalers, drift) takes them as they are, as XGBoost does with bools.
    case boolean
    /// Dates and times, stored as seconds since 1970 (UTC).
    case datetime
    /// Text with a limited set of values, stored as codes and a dictionary.
    case category

    /// What each type means, for the help of a `schema:` entry.
    package var help: String {
        switch self {
        case .number: "numbers (thousands separators such as 1,000 are not numbers)"
        case .boolean: "true/false/yes/no in any case, read as 1 and 0"
        case .datetime: "ISO 8601 dates and times (YYYY-MM-DD, YYYY-MM-DD HH:MM:SS, T, Z or offsets) or a format:"
        case .category: "text values, stored once each; categories: fixes the allowed set"
        }
    }
}
