import Basics
import Charts
import CommandLineKit
import Pipeline
import Plots
import Project
import RunReport
import RunStore

/// `sluice runs report`: one self-contained HTML page about one or more runs.
struct RunsReportCommand: RunnableCommand {
    static let runs = Positional<[String]>(
        "runs", help: "Runs to report on: ids or prefixes, names, 'latest', 'latest~N' (default: latest).", optional: true)
    static let out = Option<String>(long: "out", short: "o", valueName: "path", help: "Where to write the page.", default: "report.html")

    static let configuration = CommandConfiguration(
        name: "report",
        abstract: "Write one self-contained HTML page about runs: params, metrics, stages, curves.",
        discussion: """
            The page shows each run's params (those that differ highlighted), metrics with their \
            change from the first run named, which stages ran, were skipped or restored and how \
            long each took, the step metrics as curves (overlaid for several runs) and the drift \
            verdict when a run has one. It loads nothing from the network: charts are inline SVG.
            """,
        arguments: [runs, out],
        examples: ["sluice runs report", "sluice runs report baseline latest --out compare.html"])

    let file: String?
    let references: [String]
    let outputPath: String

    init(_ values: ParsedValues) throws {
        file = try values[SluiceCommand.file]
        references = try values[Self.runs]
        outputPath = try values[Self.out]
    }

    func run(_ console: Console) throws -> ExitCode {
        let context = try RunsContext(file: file, console: console)
        var runs: [StoredRun] = [], problems: [Diagnostic] = []
        for reference in references.isEmpty && !context.runs.isEmpty ? ["latest"] : references {
            do {
                runs.append(try context.resolve(reference))
            } catch {
                problems.append(error)
            }
        }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        let pipeline = try? context.workspace.loadPipeline()
        let headline = pipeline.map(WorkspaceValues.headlineMetrics) ?? []
        let plots = pipeline.map { plotsSection(runs: runs, pipeline: $0, workspace: context.workspace) } ?? []
        try AtomicFile.write(RunReport(runs: runs, headline: headline, extraSections: plots).html(), to: outputPath)
        let what = runs.isEmpty ? "no runs yet" : runs.count == 1 ? "run \(runs[0].id)" : "\(runs.count) runs"
        console.out("Wrote \(outputPath) (\(what))")
        return .success
    }

    /// The pipeline's declared plots drawn from the runs' own outputs (read from the cache
    /// by their lock copies), one colour per run; none when it declares no plots. A plot
    /// that cannot be drawn is said so on the page rather than failing the report.
    func plotsSection(runs: [StoredRun], pipeline: Pipeline, workspace: Workspace) -> [HTMLSection] {
        guard !pipeline.plots.isEmpty, !runs.isEmpty else { return [] }
        do {
            let revisions = try runs.map { run in PlotRevision(name: run.record.name ?? run.id, locate: try workspace.runOutputLocator(run: run, pipeline: pipeline)) }
            let report = try PlotsReport(definitions: pipeline.plots, revisions: revisions)
            return [HTMLSection("Plots", report.page(title: "").blocks)]
        } catch {
            return [HTMLSection("Plots", [.paragraph("The plots could not be drawn: \(error)", .highlight)])]
        }
    }
}
