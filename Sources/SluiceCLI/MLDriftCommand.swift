import Basics
import CommandLineKit
import Foundation
import MLTasks

extension DriftLevel: ExpressibleByArgument {
    /// Reads `none`, `moderate`, `severe` or `critical`.
    package init?(argument: String) { self.init(rawValue: argument) }

    /// The four level names.
    package static var expectedArgument: String { "one of \(allCases.map(\.rawValue).joined(separator: ", "))" }

    /// The level's name.
    package var defaultValueDescription: String { rawValue }
}

/// `sluice ml drift`: compares current data with a model's reference data and grades the drift.
struct MLDriftCommand: RunnableCommand {
    static let reference = Option<String>(long: "reference", valueName: "path",
                                          help: "Reference data: a CSV, a reference profile (.json), or a model bundle holding one.")
    static let current = Option<String>(long: "current", valueName: "csv", help: "The current data.")
    static let model = Option<String?>(long: "model", valueName: "path", help: "A model file or bundle: its predictions are compared too.")
    static let target = Option<String?>(long: "target", valueName: "column", help: "The target column (default: the model's).")
    static let report = Option<String?>(long: "report", valueName: "path", help: "The JSON report to write (also a metrics file).")
    static let html = Option<String?>(long: "html", valueName: "path", help: "A self-contained HTML page with a chart per column.")
    static let failOn = Option<DriftLevel?>(long: "fail-on", valueName: "level", help: "Exit 1 when the level is at least this (moderate, severe, critical).")
    static let strict = Flag(long: "strict", help: "Columns on one side only are an error, not a note.")
    static let params = ParamsOptions.params
    static let section = ParamsOptions.section(default: "drift")
    static let json = Flag(long: "json", help: "Print the report as JSON.")

    static let configuration = CommandConfiguration(
        name: "drift",
        abstract: "Compare current data with a model's reference data and grade the drift.",
        discussion: """
            Each shared column is tested by its type (numeric: Kolmogorov–Smirnov, Wasserstein, PSI, \
            Jensen–Shannon; categorical and boolean: chi-squared, PSI, Jensen–Shannon; dates by their \
            month, day of week and hour) and by its missing rate; the drift section of params.yaml \
            chooses the deciding test and the thresholds. The level is none, moderate, severe or \
            critical (see the README for the rule); --fail-on makes a level an exit status for CI.
            """,
        arguments: [reference, current, model, target, report, html, failOn, strict, json, params, section],
        examples: [
            "sluice ml drift --reference models/production/latest --current data/current/batch.csv --report metrics/drift.json",
            "sluice ml drift --reference data/processed/train.csv --current new.csv --fail-on severe",
        ])

    let options: DriftTask.Options
    let reportPath: String?, htmlPath: String?, failOn: DriftLevel?, json: Bool

    init(_ values: ParsedValues) throws {
        var options = DriftTask.Options(referencePath: try values[Self.reference], currentPath: try values[Self.current])
        options.modelPath = try values[Self.model]
        options.target = try values[Self.target]
        options.strict = try values[Self.strict]
        options.paramsPath = try values[Self.params]
        options.section = try values[Self.section]
        self.options = options
        reportPath = try values[Self.report]
        htmlPath = try values[Self.html]
        failOn = try values[Self.failOn]
        json = try values[Self.json]
    }

    func run(_ console: Console) throws -> ExitCode {
        let report = try DriftTask(options: options).run()
        if let reportPath { try AtomicFile.write(JSONWriter.pretty.string(report.json) + "\n", to: reportPath) }
        if let htmlPath {
            try AtomicFile.write(report.page(reference: options.referencePath, current: options.currentPath).html(), to: htmlPath)
        }
        if json {
            console.out(JSONWriter.pretty.string(report.json))
        } else {
            console.out(Self.render(report))
        }
        console.warn(report.notes)
        if !report.onlyInReference.isEmpty { console.warn(["columns only in the reference (not compared): \(report.onlyInReference.joined(separator: ", "))"]) }
        if !report.onlyInCurrent.isEmpty { console.warn(["columns only in \(options.currentPath) (not compared): \(report.onlyInCurrent.joined(separator: ", "))"]) }
        if let failOn, report.level >= failOn {
            console.err("error: drift level \(report.level.rawValue) reaches --fail-on \(failOn.rawValue): "
                + "\(report.drifted.count) of \(report.features.count) columns drifted (\(report.drifted.prefix(8).joined(separator: ", ")))"
                + ([report.prediction, report.target].compactMap { $0 }.filter(\.drift).map { "; the \($0.name) drifted" }.joined()))
            return .failure
        }
        return .success
    }

    /// The terminal table: column, type, deciding test, its value and threshold, verdict; most severe first.
    static func render(_ report: DriftReport) -> String {
        let rows = ([report.prediction, report.target].compactMap { $0 } + report.features).map { feature in
            [feature.name, feature.kind, feature.test, feature.decidingValue.map { NumberFormat.human($0) } ?? "-",
             feature.threshold.map { NumberFormat.human($0) } ?? "-", feature.drift ? "drift (\(feature.level.rawValue))" : "ok"]
        }
        let table = TextTable(header: ["Column", "Type", "Test", "Value", "Threshold", "Verdict"], rows: rows).text
        let summary = "drift: \(report.level.rawValue) — \(report.drifted.count) of \(report.features.count) columns drifted "
            + "(share \(NumberFormat.human(report.share))); \(report.referenceRows) reference rows, \(report.currentRows) current rows"
        return table + "\n" + summary
    }
}
