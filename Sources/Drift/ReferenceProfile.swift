import Basics

/// A compact summary of a reference data set (a model's training split) that drift
/// can be checked against without the raw data: per numeric column a
/// `NumericProfile`, per category column a `CategoricalProfile`.
///
/// Its size is bounded per column, whatever the row count: each column's JSON stays
/// within `columnByteBudget` (7,000 bytes), so 28 columns take at most ~196 KB. A numeric
/// column gets the most knots (up to 1,024) whose encoding fits — every distinct
/// value when it has few (discrete columns, samples of a few hundred rows), which makes
/// the profile exact for them; a category column keeps its most frequent categories
/// that fit and folds the rest into `other`.
package struct ReferenceProfile: Sendable, Equatable {
    /// One column's profile.
    package enum Column: Sendable, Equatable {
        /// A numeric column.
        case numeric(NumericProfile)
        /// A category column.
        case categorical(CategoricalProfile)
    }

    /// The columns in the order they were added (names are unique).
    package private(set) var columns: [(name: String, column: Column)] = []

    /// The most bytes one column's JSON may take.
    package static let columnByteBudget = 7_000
    /// The knot counts tried for a numeric column, largest first, until one fits.
    package static let knotLimits = [1024, 768, 512, 384, 320, 256, 192, 128, 96, 64, 48, 32, 16]

    /// An empty profile.
    package init() {}

    /// The same columns in the same order.
    package static func == (lhs: ReferenceProfile, rhs: ReferenceProfile) -> Bool {
        lhs.columns.map(\.name) == rhs.columns.map(\.name) && lhs.columns.map(\.column) == rhs.columns.map(\.column)
    }

    /// The profile of the column `name`, when there is one.
    package subscript(name: String) -> Column? {
        columns.first { $0.name == name }?.column
    }

    /// Adds (or replaces) a numeric column, with as many knots as the budget allows.
    package mutating func addNumeric(_ name: String, _ sample: NumericSample) {
        var profile = NumericProfile(sample, knotLimit: Self.knotLimits[0])
        for limit in Self.knotLimits.dropFirst() where Self.encodedSize(.numeric(profile)) > Self.columnByteBudget {
            profile = NumericProfile(sample, knotLimit: limit)
        }
        set(name, .numeric(profile))
    }

    /// Adds (or replaces) a category column, keeping the most frequent categories that fit.
    package mutating func addCategorical(_ name: String, _ sample: CategoricalSample) {
        let ranked = CategoricalProfile(sample, limit: sample.counts.count).categories
        // Room for the keys and counts around the categories object.
        var used = 200, kept = 0
        for category in ranked {
            var quoted = ""
            JSONWriter.quote(category.name, into: &quoted)
            used += quoted.utf8.count + String(category.count).utf8.count + 2
            if used > Self.columnByteBudget { break }
            kept += 1
        }
        set(name, .categorical(CategoricalProfile(sample, limit: kept)))
    }

    mutating func set(_ name: String, _ column: Column) {
        if let index = columns.firstIndex(where: { $0.name == name }) {
            columns[index].column = column
        } else {
            columns.append((name, column))
        }
    }

    private static func encodedSize(_ column: Column) -> Int {
        JSONWriter(indent: nil, sortKeys: false).string(json(column: column)).utf8.count
    }
}
