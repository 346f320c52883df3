import Basics
import Foundation
import Tabular

/// `ml ingest`: validates a source data set against the `ingest` section of
/// params.yaml and copies it, byte for byte, into the raw layer.
package struct IngestTask: Sendable {
    /// What the `ingest` section configures.
    package struct Configuration: Sendable {
        /// The target column, which must be present.
        package var target: String?
        /// Columns that must be present (besides the target).
        package var expectedColumns: [String] = []
        /// Allowed `[low, high]` per column; values outside are counted.
        package var featureRanges: [String: ClosedRange<Double>] = [:]
        /// Make values outside their range an error instead of a count.
        package var failOnOutOfRange = false
        /// Column types that override inference (`schema:`).
        package var schema: [String: ColumnSchema] = [:]
        /// Make values outside a column's declared `categories:` an error instead of a count.
        package var failOnUnknownCategory = false

        /// Defaults: nothing required, nothing checked beyond parsing.
        package init() {}

        /// The options of the `ingest` section.
        package static let keys = [
            "target", "expected_columns", "feature_ranges", "fail_on_out_of_range", "schema", "fail_on_unknown_category",
        ]

        /// Reads the section, with located errors.
        package init(_ section: ParamsSection) throws {
            try section.checkKeys(Self.keys)
            target = try section.string("target", default: nil)
            expectedColumns = try section.strings("expected_columns")
            failOnOutOfRange = try section.bool("fail_on_out_of_range", default: false)
            schema = try section.schema()
            failOnUnknownCategory = try section.bool("fail_on_unknown_category", default: false)
            if let ranges = section["feature_ranges"] {
                guard case .mapping(let pairs) = ranges.value else { throw section.invalid("feature_ranges", ranges, "a mapping of column: [low, high]") }
                for pair in pairs {
                    guard case .sequence(let bounds) = pair.value.value, bounds.count == 2,
                          let low = bounds[0].doubleValue, let high = bounds[1].doubleValue, low <= high else {
                        throw section.invalid("feature_ranges.\(pair.key.jsonKey)", pair.value, "[low, high] with low <= high")
                    }
                    featureRanges[pair.key.jsonKey] = low...high
                }
            }
        }
    }

    /// What ingestion found; `json` is the report file (flat numbers, metrics-friendly).
    package struct Report: Sendable {
        /// Data rows (without the header).
        package var rows = 0
        /// Columns.
        package var columns = 0
        /// Missing cells per column, in column order.
        package var missing: [(column: String, count: Int)] = []
        /// Rows that repeat an earlier row exactly.
        package var duplicateRows = 0
        /// Values outside their range, per column with a configured range.
        package var outOfRange: [(column: String, count: Int)] = []
        /// Every column's type, and for categories their values, in column order.
        package var columnSummaries: [(column: String, summary: IngestColumnSummary)] = []

        /// Missing cells in all columns.
        package var missingCells: Int { missing.reduce(0) { $0 + $1.count } }
        /// Values outside their configured range, in all columns.
        package var outOfRangeValues: Int { outOfRange.reduce(0) { $0 + $1.count } }
        /// Cells holding a value outside their column's declared categories.
        package var unknownCategoryValues: Int {
            columnSummaries.reduce(0) { total, entry in total + entry.summary.unknown.reduce(0) { $0 + $1.count } }
        }

        /// The report as written to `--report`.
        package var json: JSONValue {
            .object([
                ("rows", .int(rows)), ("columns", .int(columns)), ("missing_cells", .int(missingCells)),
                ("duplicate_rows", .int(duplicateRows)), ("out_of_range_values", .int(outOfRangeValues)),
                ("unknown_category_values", .int(unknownCategoryValues)),
                ("missing", .object(missing.map { (key: $0.column, value: .int($0.count)) })),
                ("out_of_range", .object(outOfRange.map { (key: $0.column, value: .int($0.count)) })),
                ("column_types", .object(columnSummaries.map { (key: $0.column, value: $0.summary.json) })),
            ])
        }
    }

    /// The task's configuration.
    package var configuration: Configuration

    /// Creates the task.
    package init(configuration: Configuration) { self.configuration = configuration }

    /// Validates `sourceBytes` (named `sourceName` in errors) and writes them to `output`.
    package func run(sourceBytes: Data, sourceName: String, output: String) throws -> Report {
        let table = try sourceBytes.withUnsafeBytes { raw in
            try CSVReader.read(
                bytes: raw.bindMemory(to: UInt8.self), fileName: sourceName, options: CSVReadOptions(schema: configuration.schema))
        }
        let required = configuration.expectedColumns + (configuration.target.map { [$0] } ?? [])
        let absent = required.filter { table.index(ofColumn: $0) == nil }
        guard absent.isEmpty else {
            throw TaskFailure("\(sourceName) lacks expected column\(absent.count == 1 ? "" : "s") \(absent.map { "'\($0)'" }.joined(separator: ", "))",
                              hint: "its columns are: \(table.columnNames.joined(separator: ", "))")
        }
        var report = Report()
        report.rows = table.rowCount
        report.columns = table.columnCount
        report.missing = table.missingCounts
        report.duplicateRows = table.duplicateRows.count
        report.columnSummaries = zip(table.columnNames, table.columns).map { name, column in
            (name, IngestColumnSummary(column, declared: configuration.schema[name]?.categories))
        }
        for (column, range) in configuration.featureRanges.sorted(by: { $0.key < $1.key }) {
            guard let values = table[column]?.numericValues else {
                throw TaskFailure("feature_ranges names '\(column)', which is not a numeric column of \(sourceName)")
            }
            report.outOfRange.append((column, values.filter { !$0.isNaN && !range.contains($0) }.count))
        }
        if configuration.failOnOutOfRange && report.outOfRangeValues > 0 {
            let detail = report.outOfRange.filter { $0.count > 0 }.map { "\($0.column): \($0.count)" }.joined(separator: ", ")
            throw TaskFailure("\(report.outOfRangeValues) values are outside their feature_ranges (\(detail))",
                              hint: "fix the data, widen the ranges, or set ingest.fail_on_out_of_range: false")
        }
        if configuration.failOnUnknownCategory && report.unknownCategoryValues > 0 {
            let detail = report.columnSummaries.filter { !$0.summary.unknown.isEmpty }.map { entry in
                "\(entry.column): " + entry.summary.unknown.prefix(5).map { "'\($0.value)' x\($0.count)" }.joined(separator: ", ")
            }.joined(separator: "; ")
            throw TaskFailure("\(report.unknownCategoryValues) values are outside their declared categories (\(detail))",
                              hint: "fix the data, add the values to the schema's categories, or set ingest.fail_on_unknown_category: false")
        }
        try AtomicFile.write(sourceBytes, to: output)
        return report
    }
}
