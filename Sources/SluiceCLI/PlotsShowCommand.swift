import Basics
import CommandLineKit
import Foundation
import Plots
import Project

/// `sluice plots show`: the workspace's plots as one self-contained HTML page.
struct PlotsShowCommand: RunnableCommand {
    static let targets = Positional<[String]>(
        "targets", help: "Plots to draw: a plot's name, one of its data files, or a stage (default: all).", optional: true)

    static let configuration = CommandConfiguration(
        name: "show",
        abstract: "Draw the pipeline's plots from the workspace into one HTML page.",
        discussion: """
            Reads each plot's data files (CSV, TSV, JSON, YAML) as they are now. Without x the row \
            index (step) is the x axis; without y the last column is drawn. Templates: linear, \
            simple, scatter, smooth, confusion, confusion_normalized, bar_horizontal, \
            bar_horizontal_sorted.
            """,
        arguments: [targets, PlotsCommand.out, PlotsCommand.json, PlotsCommand.open],
        examples: ["sluice plots show", "sluice plots show metrics/history.csv --out history.html", "sluice plots show --json"])

    let file: String?
    let targets: [String]
    let output: PlotsOutput

    init(_ values: ParsedValues) throws {
        file = try values[SluiceCommand.file]
        targets = try values[Self.targets]
        output = PlotsOutput(out: try values[PlotsCommand.out], json: try values[PlotsCommand.json], open: try values[PlotsCommand.open])
    }

    func run(_ console: Console) throws -> ExitCode {
        let workspace = try Workspace.locate(file: file)
        let pipeline = try workspace.loadPipeline()
        let root = workspace.root
        let revision = PlotRevision(name: "workspace") { path in
            let absolute = root + "/" + path
            return FileManager.default.fileExists(atPath: absolute) ? absolute : nil
        }
        let report = try PlotsReport(definitions: pipeline.plots, targets: targets, revisions: [revision])
        try output.emit(report, title: "Plots", console: console)
        return .success
    }
}
