import Basics
import CommandLineKit
import Foundation
import MLflowTracking
import RunStore

/// `sluice runs export --mlflow URL|DIR`: the runs on an MLflow tracking server, or in
/// MLflow's file-store layout.
struct RunsExportCommand: RunnableCommand {
    static let mlflow = Option<String>(
        long: "mlflow", valueName: "url|dir",
        help: "An MLflow tracking server (http://HOST:PORT), or a folder for MLflow's file store (created when missing).")
    static let experiment = Option<String?>(
        long: "experiment", valueName: "name", help: "The experiment's name (default: the project folder's name).")
    static let runs = Positional<[String]>("runs", help: "Runs to export (default: all).", optional: true)

    static let configuration = CommandConfiguration(
        name: "export",
        abstract: "Export runs to an MLflow tracking server, or in MLflow's file-store layout.",
        discussion: """
            All runs (or the ones named) go to one experiment named after the project. Params, \
            final metrics, step histories, tags (git commit, branch, user) and the run folder as \
            artifacts are exported. To a server (http://HOST:PORT) they go through MLflow's REST \
            API and its artifact proxy; exporting again updates the same MLflow runs (found by \
            their sluice.run_id tag), adding only what they lack. MLFLOW_TRACKING_TOKEN, or \
            MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD, authenticate as with MLflow's client.
            To a folder they are written in MLflow's file-store layout and exporting again replaces \
            them. MLflow has put its file store in maintenance mode and will remove it: prefer a \
            server. Browse a folder with: MLFLOW_ALLOW_FILE_STORE=true mlflow ui --backend-store-uri DIR
            """,
        arguments: [mlflow, experiment, runs],
        examples: ["sluice runs export --mlflow http://127.0.0.1:5000", "sluice runs export --mlflow mlruns", "sluice runs export --mlflow /tmp/store latest"])

    let file: String?
    let destination: String
    let experiment: String?
    let references: [String]

    init(_ values: ParsedValues) throws {
        file = try values[SluiceCommand.file]
        destination = try values[Self.mlflow]
        experiment = try values[Self.experiment]
        references = try values[Self.runs]
        if experiment?.isEmpty == true { throw values.invalidValue(Self.experiment, "an experiment name cannot be empty") }
    }

    func run(_ console: Console) throws -> ExitCode {
        let context = try RunsContext(file: file, console: console)
        let runs = try references.isEmpty ? context.runs : references.map { try context.resolve($0) }
        guard !runs.isEmpty else {
            throw Diagnostic.error("there are no runs to export", hint: "'sluice repro' records a run whenever a stage runs or is restored")
        }
        let name = experiment ?? (context.workspace.root as NSString).lastPathComponent
        if let server = try Self.server(destination) {
            return try export(runs, to: server, experiment: name, console: console)
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: destination, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw Diagnostic.error("'\(destination)' is not a folder", hint: "give --mlflow a folder for the MLflow file store; it is created when missing")
        }
        let exporter = MLflowExporter(root: destination, experimentName: name)
        let result = try exporter.export(runs, now: context.now)
        for (run, key) in result.skippedKeys {
            console.warn(["run \(run): '\(key)' is not a name MLflow can store; left out"])
        }
        console.out("Exported \(result.runs.count) run\(result.runs.count == 1 ? "" : "s") to \(destination) (experiment \(result.experimentID), '\(name)').")
        console.out("Browse them with: MLFLOW_ALLOW_FILE_STORE=true mlflow ui --backend-store-uri \(destination)")
        return .success
    }
}
