import Basics
import CommandLineKit
import Foundation
import MLTasks
import YAML

/// `sluice ml export`: gate, register and (when better) promote a trained model.
struct MLExportCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        name: "export",
        abstract: "Register a trained model and promote it when it beats production.",
        discussion: """
            Checks the quality gate of the export section of params.yaml (min_<metric>, \
            max_<metric>; failing it registers nothing and exits 1), writes the bundle \
            <registry>/<name>/v<N>/{model.json, preprocessor.json, metadata.json}, and makes \
            it production (a copy in --production) only when it beats the current production \
            model on export.metric (default rmse, else logloss) on the same test data, or \
            with --force.
            """,
        arguments: [
            .option(long: "model", valueName: "path", help: "The trained model.", required: true),
            .option(long: "preprocessor", valueName: "path", help: "The preprocessor it was trained with.", required: true),
            .option(long: "metrics", valueName: "path", help: "Its evaluation metrics (JSON).", required: true),
            .option(long: "data", valueName: "path", help: "The test data the metrics were computed on."),
            .option(long: "registry", valueName: "path", help: "The registry folder.", default: "models/registry"),
            .option(long: "production", valueName: "path", help: "Where the production bundle is copied.", default: "models/production/latest"),
            .option(long: "name", valueName: "name", help: "The model's name (default: export.name, else 'model')."),
            .flag(long: "force", help: "Promote even when production is better."),
            .flag(long: "json", help: "Print the result as JSON."),
        ] + ParamsOptions.arguments(section: "export"),
        examples: ["sluice ml export --model models/model.json --preprocessor models/preprocessor.json --metrics metrics/eval.json --data data/processed/test.csv --name housing"])

    let model: String, preprocessor: String, metrics: String, data: String?, registry: String, production: String
    let name: String?, force: Bool, json: Bool, params: String, section: String

    init(_ values: ParsedValues) throws {
        model = values.string("model") ?? ""
        preprocessor = values.string("preprocessor") ?? ""
        metrics = values.string("metrics") ?? ""
        data = values.string("data")
        registry = values.string("registry") ?? "models/registry"
        production = values.string("production") ?? "models/production/latest"
        name = values.string("name")
        force = values.flag("force")
        json = values.flag("json")
        params = values.string("params") ?? "params.yaml"
        section = values.string("section") ?? "export"
    }

    func run(_ console: Console) throws -> ExitCode {
        let configuration = try ExportConfiguration(ParamsSection.load(path: params, displayName: params, section: section))
        let modelName = name ?? configuration.name ?? "model"
        var inputs = ExportTask.Inputs(
            model: model, preprocessor: preprocessor, metrics: metrics, testData: data,
            registry: ModelRegistry(root: registry, name: modelName, productionDirectory: production))
        inputs.force = force
        inputs.runID = ProcessInfo.processInfo.environment["SLUICE_RUN_ID"]
        if FileManager.default.fileExists(atPath: params) {
            inputs.parameters = try YAML.load(path: params, displayName: params).json.flattened()
        }
        var scoreChampion: ExportTask.ChampionScorer?
        if let data {
            let evaluation = ChampionEvaluation(testData: data, preprocessor: preprocessor)
            scoreChampion = { bundle in try evaluation.score(bundle: bundle) }
        }
        let result = try ExportTask(configuration: configuration).run(inputs, scoreChampion: scoreChampion)
        if json {
            console.out(JSONWriter.pretty.string(.object([
                ("name", .string(modelName)), ("version", .string(result.version)), ("promoted", .bool(result.promoted)),
                ("reason", .string(result.reason)), ("new", .bool(result.isNew)),
            ])))
        }
        guard result.isNew else {
            console.err("export: \(result.reason)\(result.promoted ? ", which is production" : "")")
            return .success
        }
        console.err("export: registered \(modelName) \(result.version) in \(registry)/\(modelName)/\(result.version); "
            + (result.promoted ? "promoted to production (\(result.reason)) -> \(production)" : "not promoted (\(result.reason))"))
        return .success
    }
}
