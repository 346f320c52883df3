import Basics
import GradientBoosting
import Tabular

/// Feature values no model can use as numbers: ±infinity, and (once trees read them
/// as float32) magnitudes beyond 3.4e38. Every step takes them as missing, the same
/// in preparation, training and serving, and counts them so its report can say so.
enum InfiniteValues {
    /// Per column of `columns` (numeric ones; others are left to later checks), how many
    /// values are ±infinity; only columns that have some.
    static func count(in table: Table, columns: [String]) -> [(column: String, count: Int)] {
        columns.compactMap { name in
            guard let values = table[name]?.numericValues else { return nil }
            let count = values.reduce(0) { $0 + ($1.isInfinite ? 1 : 0) }
            return count > 0 ? (name, count) : nil
        }
    }

    /// `table` with every ±infinity in `columns` (numeric ones) made NaN, missing.
    static func asMissing(_ table: Table, columns: [String]) throws -> Table {
        var result = table
        for name in columns {
            guard let values = table[name]?.numericValues, values.contains(where: \.isInfinite) else { continue }
            try result.replace(name, with: .numeric(values.map { $0.isInfinite ? .nan : $0 }))
        }
        return result
    }

    /// Per feature, how many values trees take as missing although they are not NaN:
    /// ±infinity and magnitudes beyond float32's range; only features that have some.
    static func count(features: [[Double]], names: [String]) -> [(column: String, count: Int)] {
        zip(names, features).compactMap { name, values in
            let count = values.reduce(0) { $0 + (!$1.isNaN && BinMapper.isMissing($1) ? 1 : 0) }
            return count > 0 ? (name, count) : nil
        }
    }

    /// The counts as a JSON object, column by column.
    static func json(_ counts: [(column: String, count: Int)]) -> JSONValue {
        .object(counts.map { ($0.column, .int($0.count)) })
    }

    /// One sentence for a report: `3 values of 'a' and 1 of 'b' in data.csv were
    /// infinite (or beyond float32's range) and were taken as missing`.
    static func warning(_ counts: [(column: String, count: Int)], source: String) -> String? {
        guard let first = counts.first else { return nil }
        let rest = counts.dropFirst().map { "\($0.count) of '\($0.column)'" }
        let list = (["\(first.count) value\(first.count == 1 ? "" : "s") of '\(first.column)'"] + rest).joined(separator: ", ")
        return "\(list) in \(source) \(counts.count == 1 && first.count == 1 ? "was" : "were") infinite (or beyond float32's range) and taken as missing"
    }

    /// A task failure for a label the objective cannot learn, naming its CSV row (the
    /// header is row 1) and column.
    static func invalidTarget(_ labels: [Double], index: Int, column: String, objective: Objective, source: String) -> TaskFailure {
        TaskFailure(
            "\(source): row \(index + 2): the target '\(column)' is \(TrainingSet.describe(labels[index])), which \(objective.rawValue) cannot learn",
            hint: objective.labelRequirement + "; fix or remove the row")
    }
}
