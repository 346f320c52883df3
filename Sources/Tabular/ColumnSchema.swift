/// What a `schema:` entry says about one column, overriding what the CSV reader
/// would infer from its cells.
package struct ColumnSchema: Sendable, Hashable {
    /// The type the column must have; nil keeps the inferred one.
    package var type: ColumnType?
    /// For a category column, the allowed values in code order; values outside
    /// the set are kept (after these, sorted) and reported as unknown.
    package var categories: [String]?
    /// For a datetime column, the pattern of its cells; nil reads ISO 8601.
    package var format: DateFormat?

    /// An entry with the given parts (a `categories` or `format` implies the type).
    package init(type: ColumnType? = nil, categories: [String]? = nil, format: DateFormat? = nil) {
        self.type = type ?? (categories != nil ? .category : format != nil ? .datetime : nil)
        self.categories = categories
        self.format = format
    }

    /// The keys an entry may have, with their help, so that configuration readers
    /// (params.yaml `ingest`/`prepare` sections) name and document them in one place.
    package static let keys: [(name: String, help: String)] = [
        ("type", "one of \(ColumnType.allCases.map(\.rawValue).joined(separator: ", ")); omitted: inferred from the whole column"),
        ("categories", "the allowed values of a category column, in code order"),
        ("format", "the pattern of a datetime column's cells, with \(DateFormat.directives); omitted: ISO 8601"),
    ]

    /// Whether the reader must keep the column's text instead of reading numbers:
    /// a declared category keeps `01` as written, a format may spell dates as digits.
    var needsText: Bool { type == .category || type == .datetime }
}
