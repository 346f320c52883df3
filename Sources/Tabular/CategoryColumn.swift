/// A text column stored as one code per cell plus one dictionary of its distinct
/// values, so a million rows of a dozen cities cost four bytes a row, not a String each.
///
/// Code `i` names `categories[i]`; `missingCode` marks a missing cell. Codes are
/// UInt32 so that even an ID-like column with millions of distinct values fits.
package struct CategoryColumn: Sendable, CustomStringConvertible {
    /// The code of a missing cell.
    package static let missingCode = UInt32.max

    /// One code per cell: an index into `categories`, or `missingCode`.
    package private(set) var codes: [UInt32]
    /// The distinct values, each once, in code order.
    package private(set) var categories: [String]

    /// A column from codes and their dictionary; nil when a code is neither an index
    /// into `categories` nor `missingCode`, or when a category repeats.
    package init?(codes: [UInt32], categories: [String]) {
        guard Set(categories).count == categories.count,
              codes.allSatisfy({ $0 == Self.missingCode || Int($0) < categories.count })
        else { return nil }
        self.codes = codes
        self.categories = categories
    }

    /// Codes and dictionary already known to agree (the CSV reader builds them so).
    init(validatedCodes codes: [UInt32], categories: [String]) {
        self.codes = codes
        self.categories = categories
    }

    /// A column of `values`, `""` meaning missing; the dictionary is sorted, so the
    /// same values give the same codes whatever their row order.
    package init(_ values: [String]) {
        let sorted = Array(Set(values.lazy.filter { !$0.isEmpty })).sorted()
        let index = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, UInt32($0)) })
        self.init(validatedCodes: values.map { index[$0] ?? Self.missingCode }, categories: sorted)
    }

    /// The number of cells.
    package var count: Int { codes.count }

    /// The value at `row`, or nil when it is missing.
    package func value(at row: Int) -> String? {
        let code = codes[row]
        return code == Self.missingCode ? nil : categories[Int(code)]
    }

    /// Every cell as text, `""` where missing (for writing and for tests; large
    /// columns should be read through `codes`).
    package var strings: [String] {
        codes.map { $0 == Self.missingCode ? "" : categories[Int($0)] }
    }

    /// The number of missing cells.
    package var missingCount: Int {
        codes.reduce(0) { $0 + ($1 == Self.missingCode ? 1 : 0) }
    }

    /// How many cells hold each category, in code order.
    package var counts: [Int] {
        var counts = Array(repeating: 0, count: categories.count)
        for code in codes where code != Self.missingCode { counts[Int(code)] += 1 }
        return counts
    }

    /// The cells at `rows`, in that order, sharing this dictionary.
    package func taking(_ rows: [Int]) -> CategoryColumn {
        CategoryColumn(validatedCodes: rows.map { codes[$0] }, categories: categories)
    }

    /// The same cells with a dictionary that starts with `leading` (in that order,
    /// kept even when no cell holds them) followed by the other values, sorted.
    /// A declared set of categories fixes the codes this way.
    package func reordered(leading: [String]) -> CategoryColumn {
        var seen = Set<String>()
        let leading = leading.filter { seen.insert($0).inserted }
        let rest = categories.filter { !seen.contains($0) }.sorted()
        let order = leading + rest
        // Keyed by String, which equates canonically equal spellings (`é` as one
        // scalar or two) that the reader keeps apart: the first one wins, no trap.
        let index = Dictionary(order.enumerated().map { ($1, UInt32($0)) }, uniquingKeysWith: { first, _ in first })
        let remap = categories.map { index[$0] ?? Self.missingCode }
        return CategoryColumn(
            validatedCodes: codes.map { $0 == Self.missingCode ? $0 : remap[Int($0)] }, categories: order)
    }

    /// `3 cells: ["Oslo", nil, "Rome"]`, at most eight cells shown.
    package var description: String {
        let shown = (0..<min(count, 8)).map { value(at: $0).map { String(reflecting: $0) } ?? "nil" }
        return "\(count) \(count == 1 ? "cell" : "cells"): [\(shown.joined(separator: ", "))\(count > 8 ? ", …" : "")]"
    }
}

extension CategoryColumn: Equatable {
    /// Columns are equal when every cell holds the same value, whatever the codes:
    /// two dictionaries may order the same values differently.
    package static func == (lhs: CategoryColumn, rhs: CategoryColumn) -> Bool {
        guard lhs.count == rhs.count else { return false }
        if lhs.categories == rhs.categories { return lhs.codes == rhs.codes }
        return (0..<lhs.count).allSatisfy { lhs.value(at: $0) == rhs.value(at: $0) }
    }
}
