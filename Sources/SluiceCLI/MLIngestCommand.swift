import Basics
import CommandLineKit
import Foundation
import MLTasks

/// `sluice ml ingest`: validate a source data set and copy it into the raw layer.
struct MLIngestCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        name: "ingest",
        abstract: "Validate a data set and copy it into the raw data layer.",
        discussion: """
            Checks the expected columns and the target (ingest.expected_columns, \
            ingest.target), counts missing values, duplicate rows and values outside \
            ingest.feature_ranges (an error with ingest.fail_on_out_of_range: true), then \
            copies the source byte for byte. --source may be an http(s) URL.
            """,
        arguments: [
            .option(long: "source", valueName: "path-or-url", help: "The data set to ingest.", required: true),
            .option(long: "out", valueName: "path", help: "Where the raw copy goes.", required: true),
            .option(long: "report", valueName: "path", help: "Write the validation report (JSON) here."),
            .flag(long: "json", help: "Print the report as JSON."),
        ] + ParamsOptions.arguments(section: "ingest"),
        examples: ["sluice ml ingest --source data/source/HousingData.csv --out data/raw/housing.csv --report data/reports/ingest.json"])

    let source: String, out: String, report: String?, json: Bool, params: String, section: String

    init(_ values: ParsedValues) throws {
        source = values.string("source") ?? ""
        out = values.string("out") ?? ""
        report = values.string("report")
        json = values.flag("json")
        params = values.string("params") ?? "params.yaml"
        section = values.string("section") ?? "ingest"
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
            + ", \(result.duplicateRows) duplicate rows, \(result.outOfRangeValues) values out of range -> \(out)")
        return .success
    }
}
