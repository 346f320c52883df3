import Foundation
import GradientBoosting
import Tabular

/// How text (category) columns of a raw CSV become the codes the trees split on:
/// training picks each column's categories (their order is the code order), and
/// prediction maps strings through the same list, unseen ones to missing.
enum CategoryEncoding {
    /// The most categories one feature keeps: the trees' categorical splits take codes
    /// 0…254, and more would bin as an ordinary number.
    static let maxCategories = 254
    /// A column with more distinct values than this, which are at least half of its
    /// present cells, looks like an identifier (as `ml ingest` reports it).
    static let identifierThreshold = 1000

    /// The categories training keeps for `column` (in dictionary order) and the
    /// warnings about it: beyond `maxCategories` only the most frequent are kept
    /// (ties by name), the rest become missing.
    static func fit(_ column: CategoryColumn, name: String, source: String) -> (categories: [String], warnings: [String]) {
        let counts = column.counts
        let present = column.categories.indices.filter { counts[$0] > 0 }
        var warnings: [String] = []
        if present.count > identifierThreshold && 2 * present.count >= column.count - column.missingCount {
            warnings.append("\(source): column '\(name)' has \(present.count) distinct values in \(column.count) rows and looks like an identifier; "
                + "drop it (a model can only memorise rows with it)")
        }
        guard present.count > maxCategories else { return (present.map { column.categories[$0] }, warnings) }
        let kept = Set(present.sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 }.prefix(maxCategories))
        let pooledRows = present.filter { !kept.contains($0) }.reduce(0) { $0 + counts[$1] }
        warnings.append("\(source): column '\(name)' has \(present.count) categories; the \(maxCategories) most frequent are kept and the other "
            + "\(present.count - maxCategories) (\(pooledRows) rows) are treated as missing; pool or drop rare categories to keep them apart")
        return (present.filter(kept.contains).map { column.categories[$0] }, warnings)
    }

    /// The codes of `column` under `categories` as numbers (a string not among them is missing, NaN).
    static func codes(_ column: CategoryColumn, categories: [String]) -> [Double] {
        let index = Dictionary(categories.enumerated().map { ($1, Double($0)) }, uniquingKeysWith: { first, _ in first })
        let mapped = column.categories.map { index[$0] ?? .nan }
        return column.codes.map { $0 == CategoryColumn.missingCode ? .nan : mapped[Int($0)] }
    }

    /// The codes of a column that holds numbers where the model expects categories (the
    /// new rows' values all look like numbers): each number's spelling is looked up.
    static func codes(_ numbers: [Double], categories: [String]) -> [Double] {
        let index = Dictionary(categories.enumerated().map { ($1, Double($0)) }, uniquingKeysWith: { first, _ in first })
        return numbers.map { value in
            guard value.isFinite else { return .nan }
            // Whole numbers as integers (`7`, not `7.0`); Int64(exactly:) is nil for fractions and huge values.
            let spelled = abs(value) < 1e15 ? Int64(exactly: value).map { String($0) } ?? String(value) : String(value)
            return index[spelled] ?? .nan
        }
    }
}
