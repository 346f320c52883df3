import Basics
import Drift
import Foundation
import Tabular

/// One column as drift statistics see it: numbers, or categories (booleans are
/// categories `0` and `1`); a date column is seen as its parts (month, day of week,
/// hour), each a numeric column, since seconds since 1970 always drift.
enum DriftColumn {
    /// Numbers (NaN missing).
    case numeric(NumericSample)
    /// Categories; `boolean` when the values are 0/1 numbers.
    case categorical(CategoricalSample, boolean: Bool)

    /// The kind named in reports: `numeric`, `categorical` or `boolean`.
    var kind: String {
        switch self {
        case .numeric: "numeric"
        case .categorical(_, let boolean): boolean ? "boolean" : "categorical"
        }
    }

    /// The parts of a date column that drift is checked on.
    static let dateParts = DateParts(parts: [.month, .dayofweek, .hour])

    /// The columns of `table` named `names` (every column when nil), dates as their parts.
    static func columns(of table: Table, names: [String]? = nil) -> [(name: String, column: DriftColumn)] {
        let names = names ?? table.columnNames
        return columns(taking: names.compactMap { name in table[name].map { (name, $0) } })
    }

    /// Holds one table column until it has been converted, so that its memory goes then
    /// (when nothing else holds the table) rather than at the end.
    /// Safe to share: the parallel loop gives each box to exactly one worker, which alone reads and clears it.
    private final class Pending: @unchecked Sendable {
        var column: Column?
        init(_ column: Column) { self.column = column }
    }

    /// `columns` converted, dates as their parts, each let go once converted. Columns
    /// are sorted in parallel: sorting is most of the work for large tables.
    static func columns(taking columns: consuming [(name: String, column: Column)]) -> [(name: String, column: DriftColumn)] {
        let names = columns.map(\.name)
        let pending = columns.map { Pending($0.column) }
        columns = []
        return Parallel.map(names.count, threads: ProcessInfo.processInfo.activeProcessorCount) { index -> [(name: String, column: DriftColumn)] in
            let name = names[index]
            let taken = pending[index].column
            pending[index].column = nil
            switch taken {
            case .numeric(let values)?:
                return [(name, Self.column(numbers: values))]
            case .category(let categories)?:
                let counts = categories.counts
                var byName: [String: Int] = [:]
                for (code, count) in counts.enumerated() where count > 0 { byName[categories.categories[code], default: 0] += count }
                return [(name, .categorical(CategoricalSample(counts: byName, missingCount: categories.missingCount), boolean: false))]
            case .datetime(let seconds)?:
                return dateParts.transform(seconds, name: name).compactMap { part in
                    // A month or an hour is a number even when a batch holds only 0s and 1s.
                    part.column.numericValues.map { (part.name, .numeric(NumericSample($0))) }
                }
            case nil:
                return []
            }
        }.flatMap { $0 }
    }

    /// The 0/1 counts of a boolean column as numbers, for comparing it with a numeric
    /// one (a count that was only 0 or 1 in one data set is still a count).
    /// Nil beyond `maxExpandedRows` rows (a damaged profile can claim any count).
    static func numbers(_ counts: CategoricalSample) -> NumericSample? {
        let zeros = counts.counts["0"] ?? 0, ones = counts.counts["1"] ?? 0
        guard zeros <= maxExpandedRows, ones <= maxExpandedRows - zeros else { return nil }
        return NumericSample(sortedValues: Array(repeating: 0, count: zeros) + Array(repeating: 1, count: ones), missingCount: counts.missingCount)
    }

    /// The most 0/1 rows expanded into numbers (a few hundred megabytes).
    static let maxExpandedRows = 50_000_000

    /// A numeric column, or a boolean one when every present value is 0 or 1 (and some are).
    static func column(numbers values: [Double]) -> DriftColumn {
        var zeros = 0, ones = 0, missing = 0
        for value in values {
            if value.isNaN { missing += 1 } else if value == 0 { zeros += 1 } else if value == 1 { ones += 1 } else {
                return .numeric(NumericSample(values))
            }
        }
        guard zeros + ones > 0 else { return .numeric(NumericSample(values)) }
        return .categorical(CategoricalSample(counts: ["0": zeros, "1": ones].filter { $0.value > 0 }, missingCount: missing), boolean: true)
    }

    /// The reference profile of `table`'s columns (dates as their parts).
    static func profile(of table: Table, names: [String]? = nil) -> ReferenceProfile {
        var profile = ReferenceProfile()
        for (name, column) in columns(of: table, names: names) {
            switch column {
            case .numeric(let sample): profile.addNumeric(name, sample)
            case .categorical(let sample, _): profile.addCategorical(name, sample)
            }
        }
        return profile
    }
}
