import Basics
import CommandLineKit
import Foundation
import MLTasks

/// `sluice ml export`: gate, register and (when better) promote a trained model.
struct MLExportCommand: RunnableCommand {
    static let model = Option<String>(long: "model", valueName: "path", help: "The trained model.")
    static let preprocessor = Option<String>(long: "preprocessor", valueName: "path", help: "The preprocessor it was trained with.")
    static let metrics = Option<String>(long: "metrics", valueName: "path", help: "Its evaluation metrics (JSON).")
    static let profile = Option<String?>(long: "profile", valueName: "path",
                                         help: "The reference profile of the training split, bundled for drift checks ('ml prepare --profile').")
    static let data = Option<String?>(long: "data", valueName: "path", help: "The test data the metrics were computed on.")
    static let registry = Option<String>(long: "registry", valueName: "path", help: "The registry folder.", default: "models/registry")
    static let production = Option<String>(
        long: "production", valueName: "path", help: "Where the production bundle is copied.", default: "models/production/latest")
    static let name = Option<String?>(long: "name", valueName: "name", help: "The model's name (default: export.name, else 'model').")
    static let force = Flag(long: "force", help: "Promote even when production is better.")
    static let json = Flag(long: "json", help: "Print the result as JSON.")
    static let trainParams = Option<String?>(
        long: "train-params", valueName: "path",
        help: "The params file the model was trained with ('ml train --params', such as ml tune's best parameters): recorded over params.yaml's values.")
    static let params = ParamsOptions.params
    static let section = ParamsOptions.section(default: "export")

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
        arguments: [model, preprocessor, metrics, profile, data, registry, production, name, force, json, trainParams, params, section],
        examples: ["sluice ml export --model models/model.json --preprocessor models/preprocessor.json --metrics metrics/eval.json --data data/processed/test.csv --name housing"])

    let model: String, preprocessor: String, metrics: String, profile: String?, data: String?, registry: String, production: String
    let name: String?, force: Bool, json: Bool, trainParams: String?, params: String, section: String

    init(_ values: ParsedValues) throws {
        model = try values[Self.model]
        preprocessor = try values[Self.preprocessor]
        metrics = try values[Self.metrics]
        data = try values[Self.data]
        profile = try values[Self.profile]
        registry = try values[Self.registry]
        production = try values[Self.production]
        name = try values[Self.name]
        force = try values[Self.force]
        json = try values[Self.json]
        trainParams = try values[Self.trainParams]
        params = try values[Self.params]
        section = try values[Self.section]
    }

    func run(_ console: Console) throws -> ExitCode {
        let configuration = try ExportConfiguration(ParamsSection.load(path: params, displayName: params, section: section))
        let modelName = name ?? configuration.name ?? "model"
        var inputs = ExportTask.Inputs(
            model: model, preprocessor: preprocessor, metrics: metrics, testData: data,
            registry: ModelRegistry(root: registry, name: modelName, productionDirectory: production))
        inputs.force = force
        inputs.profile = profile
        inputs.runID = ProcessInfo.processInfo.environment["SLUICE_RUN_ID"]
        inputs.parameters = try ExportTask.parameters(ofParamsFile: params, trainedWith: trainParams)
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
