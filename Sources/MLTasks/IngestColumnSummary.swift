import Basics
import Tabular

/// What the ingest report says about one column: its type, and for a category
/// column its cardinality, most frequent values and values outside a declared set.
package struct IngestColumnSummary: Sendable {
    /// How many of the most frequent categories the report lists.
    package static let topCount = 5

    /// The column's type as read.
    package var type: ColumnType
    /// Distinct values present (categories only; nil for other columns).
    package var cardinality: Int?
    /// The most frequent categories with their counts, most frequent first (ties by name).
    package var top: [(value: String, count: Int)] = []
    /// Values outside the declared `categories:` with their counts, in name order.
    package var unknown: [(value: String, count: Int)] = []
    /// Whether the column looks like an identifier rather than a category: more
    /// than 1,000 distinct values, which are at least half of its present cells
    /// (an ID, a free-text note). Such a column only lets a model memorise rows.
    package var looksLikeIdentifier = false

    /// The summary of `column`, whose declared categories (if any) are `declared`.
    package init(_ column: Column, declared: [String]?) {
        type = column.type
        guard case .category(let categories) = column else { return }
        let counts = categories.counts
        let present = categories.categories.indices.filter { counts[$0] > 0 }
        cardinality = present.count
        looksLikeIdentifier = present.count > 1000 && 2 * present.count >= categories.count - categories.missingCount
        top = present.map { (categories.categories[$0], counts[$0]) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            .prefix(Self.topCount).map { (value: $0.0, count: $0.1) }
        if let declared {
            let allowed = Set(declared)
            unknown = present.filter { !allowed.contains(categories.categories[$0]) }
                .map { (value: categories.categories[$0], count: counts[$0]) }
                .sorted { $0.value < $1.value }
        }
    }

    /// The summary as it appears in the report.
    package var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [("type", .string(type.rawValue))]
        if let cardinality {
            members.append(("cardinality", .int(cardinality)))
            members.append(("top", .object(top.map { (key: $0.value, value: .int($0.count)) })))
            members.append(("unknown", .object(unknown.map { (key: $0.value, value: .int($0.count)) })))
            members.append(("looks_like_identifier", .bool(looksLikeIdentifier)))
        }
        return .object(members)
    }
}
