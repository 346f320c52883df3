import Basics
import CommandLineKit
import Foundation
import MLTasks

/// `sluice ml ingest`: validate a source data set and copy it into the raw layer.
struct MLIngestCommand: RunnableCommand {
    static let source = Option<String>(long: "source", valueName: "path-or-url", help: "The data set to ingest.")
    static let out = Option<String>(long: "out", valueName: "path", help: "Where the raw copy goes.")
    static let report = Option<String?>(long: "report", valueName: "path", help: "Write the validation report (JSON) here.")
    static let json = Flag(long: "json", help: "Print the report as JSON.")
    static let params = ParamsOptions.params
    static let section = ParamsOptions.section(default: "ingest")

    static let configuration = CommandConfiguration(
        name: "ingest",
        abstract: "Validate a data set and copy it into the raw data layer.",
        discussion: """
            Checks the expected columns and the target (ingest.expected_columns, \
            ingest.target), counts missing values, duplicate rows and values outside \
            ingest.feature_ranges (an error with ingest.fail_on_out_of_range: true), reports \
            each column's type (number, datetime or category, inferred from the whole column \
            or set by ingest.schema, e.g. `cut: {type: category, categories: [Fair, Good]}`) \
            and the values outside declared categories (an error with \
            ingest.fail_on_unknown_category: true), then copies the source byte for byte. \
            --source may be an http(s) URL.
            """,
        arguments: [source, out, report, json, params, section],
        examples: ["sluice ml ingest --source data/source/HousingData.csv --out data/raw/housing.csv --report data/reports/ingest.json"])

    let source: String, out: String, report: String?, json: Bool, params: String, section: String

    init(_ values: ParsedValues) throws {
        source = try values[Self.source]
        out = try values[Self.out]
        report = try values[Self.report]
        json = try values[Self.json]
        params = try values[Self.params]
        section = try values[Self.section]
    }

    func run(_ console: Console) throws -> ExitCode {
        let configuration = try IngestTask.Configuration(ParamsSection.load(path: params, displayName: params, section: section))
        let result = try IngestTask(configuration: configuration).run(
            sourceBytes: try SourceFetcher.read(source), sourceName: source, output: out)
        if let report { try AtomicFile.write(JSONWriter.pretty.string(result.json) + "\n", to: report) }
        if json { console.out(JSONWriter.pretty.string(result.json)) }
        let missing = result.missing.filter { $0.count > 0 }.map { "\($0.column) \($0.count)" }.joined(separator: ", ")
        console.err("ingest: \(result.rows) rows x \(result.columns) columns, \(result.missingCells) missing cells"
            + (missing.isEmpty ? "" : " (\(missing))")
            + ", \(result.duplicateRows) duplicate rows, \(result.outOfRangeValues) values out of range"
            + (result.unknownCategoryValues > 0 ? ", \(result.unknownCategoryValues) unknown category values" : "")
            + " -> \(out)")
        console.warn(result.columnSummaries.filter { $0.summary.looksLikeIdentifier }.map { column, summary in
            "column '\(column)' has \(summary.cardinality ?? 0) distinct values in \(result.rows) rows, so it looks like "
                + "an identifier, not a category; drop it from the features before training"
        })
        return .success
    }
}
