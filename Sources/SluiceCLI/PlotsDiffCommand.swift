import Basics
import CommandLineKit
import Foundation
import Plots
import Project

/// `sluice plots diff`: the same plots from several runs overlaid, one colour per run.
struct PlotsDiffCommand: RunnableCommand {
    static let runs = Positional<[String]>(
        "runs", help: "Runs to compare: ids or prefixes, names, 'latest', 'latest~N', or 'workspace' (default: the latest run and the workspace).",
        optional: true)
    static let target = Option<[String]>(long: "target", short: "t", valueName: "plot", help: "Draw only this plot (a name, a data file or a stage); repeatable.")

    static let configuration = CommandConfiguration(
        name: "diff",
        abstract: "Overlay the pipeline's plots from several runs in one HTML page.",
        discussion: """
            Each run's data files are read from the content cache by the hashes its copy of the \
            lock file recorded, so older runs can be compared after the workspace moved on (an \
            output declared with cache: false, or removed by gc, is left out with a note). One \
            RUN compares it with the workspace.
            """,
        arguments: [runs, target, PlotsCommand.out, PlotsCommand.json, PlotsCommand.open],
        examples: ["sluice plots diff", "sluice plots diff latest~1 latest --out compare.html", "sluice plots diff baseline --json"])

    let file: String?
    let references: [String]
    let targets: [String]
    let output: PlotsOutput

    init(_ values: ParsedValues) throws {
        file = try values[SluiceCommand.file]
        references = try values[Self.runs]
        targets = try values[Self.target]
        output = PlotsOutput(out: try values[PlotsCommand.out], json: try values[PlotsCommand.json], open: try values[PlotsCommand.open])
    }

    func run(_ console: Console) throws -> ExitCode {
        let context = try RunsContext(file: file, console: console)
        let workspace = context.workspace
        let pipeline = try workspace.loadPipeline()
        let root = workspace.root
        let names = references.isEmpty ? ["latest", "workspace"] : references.count == 1 ? references + ["workspace"] : references
        var revisions: [PlotRevision] = []
        for name in names {
            if name == "workspace" {
                revisions.append(PlotRevision(name: "workspace") { path in
                    let absolute = root + "/" + path
                    return FileManager.default.fileExists(atPath: absolute) ? absolute : nil
                })
            } else {
                let run = try context.resolve(name)
                revisions.append(PlotRevision(name: run.id, locate: try workspace.runOutputLocator(run: run, pipeline: pipeline)))
            }
        }
        let report = try PlotsReport(definitions: pipeline.plots, targets: targets, revisions: revisions)
        try output.emit(report, title: "Plots: " + revisions.map(\.name).joined(separator: " vs "), console: console)
        return .success
    }
}
