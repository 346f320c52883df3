import Basics
import Foundation
import YAML

/// `ml export`: checks the quality gate, registers the model as a new version
/// (model, preprocessor, metadata) and makes it production only when it beats the
/// current production model on the same test data (or when forced).
package struct ExportTask: Sendable {
    /// Where things are.
    package struct Inputs: Sendable {
        /// The trained model file.
        package var model: String
        /// The preprocessor file it was trained with.
        package var preprocessor: String
        /// The evaluation metrics (JSON).
        package var metrics: String
        /// The reference profile of the training split, copied into the bundle when given.
        package var profile: String?
        /// The test data the metrics were computed on (its hash goes into the metadata).
        package var testData: String?
        /// Where versions are registered.
        package var registry: ModelRegistry
        /// Every parameter of the run, flattened, for the metadata.
        package var parameters: [(key: String, value: JSONValue)] = []
        /// `SLUICE_RUN_ID` when run by a repro.
        package var runID: String?
        /// Promote even when production is better.
        package var force = false

        /// Creates the inputs.
        package init(model: String, preprocessor: String, metrics: String, testData: String?, registry: ModelRegistry) {
            self.model = model
            self.preprocessor = preprocessor
            self.metrics = metrics
            self.testData = testData
            self.registry = registry
        }
    }

    /// What export did.
    package struct Result: Sendable {
        /// The version registered.
        package var version: String
        /// Whether it became production.
        package var promoted: Bool
        /// Why it was or was not promoted.
        package var reason: String
        /// The new version's metrics.
        package var metrics: [String: Double]
        /// Whether the version was registered by this export (false: the same model was already there).
        package var isNew = true
    }

    /// Scores an earlier bundle on the test data, when production was evaluated on other data.
    package typealias ChampionScorer = @Sendable (_ bundleDirectory: String) throws -> [String: Double]

    /// The task's configuration.
    package var configuration: ExportConfiguration

    /// Creates the task.
    package init(configuration: ExportConfiguration) { self.configuration = configuration }

    /// Runs the export. Nothing is written when the gate fails.
    package func run(_ inputs: Inputs, scoreChampion: ChampionScorer? = nil) throws -> Result {
        let metrics = try Self.readMetrics(inputs.metrics)
        try checkGate(metrics)
        let (versions, production) = try inputs.registry.read()
        if let existing = try Self.versionWithSameModel(inputs, among: versions) {
            // Re-exporting a model already registered (e.g. restored from the cache)
            // adds no version; it can still be promoted by force.
            if inputs.force && existing != production { try inputs.registry.promote(existing) }
            let promoted = existing == production || inputs.force
            return Result(version: existing, promoted: promoted,
                          reason: "the same model is already registered as \(existing)", metrics: metrics, isNew: false)
        }
        let version = inputs.registry.nextVersion(after: versions)
        let testHash = try inputs.testData.map { try FileHasher.hash(path: $0).hash }
        let metadata = try self.metadata(inputs, version: version, metrics: metrics, testHash: testHash)
        try writeBundle(inputs, version: version, metadata: metadata)
        let (promote, reason) = try decide(inputs, metrics: metrics, production: production, testHash: testHash, scoreChampion: scoreChampion)
        let entry = ModelRegistry.Version(name: version, created: Self.timestamp(), metrics: metrics)
        try inputs.registry.write(versions: versions + [entry], production: production)
        if promote { try inputs.registry.promote(version) }
        return Result(version: version, promoted: promote, reason: reason, metrics: metrics)
    }

    private func checkGate(_ metrics: [String: Double]) throws {
        var failures: [String] = []
        for gate in configuration.gates {
            guard let value = metrics[gate.metric] else {
                throw TaskFailure("the quality gate needs metric '\(gate.metric)', which the metrics file lacks",
                                  hint: "metrics present: \(metrics.keys.sorted().joined(separator: ", "))")
            }
            let passes = gate.isMinimum ? value >= gate.bound : value <= gate.bound
            if !passes {
                failures.append("\(gate.metric) \(NumberFormat.human(value)) \(gate.isMinimum ? "<" : ">") \(gate.isMinimum ? "min" : "max")_\(gate.metric) \(NumberFormat.human(gate.bound))")
            }
        }
        guard failures.isEmpty else {
            throw TaskFailure("quality gate failed: \(failures.joined(separator: "; ")); nothing was registered or promoted",
                              hint: "improve the model, or relax the gate in the export section of params.yaml")
        }
    }

    private func decide(_ inputs: Inputs, metrics: [String: Double], production: String?, testHash: String?,
                        scoreChampion: ChampionScorer?) throws -> (Bool, String) {
        if inputs.force { return (true, "forced") }
        guard let production else { return (true, "first version") }
        guard let metric = configuration.comparisonMetric(metrics), let challenger = metrics[metric] else {
            return (false, "no metric to compare with production \(production) (set export.metric)")
        }
        let championMetadata = try? ModelMetadata.read(inputs.registry.directory(of: production) + "/metadata.json")
        var championMetrics = championMetadata?.metrics ?? [:]
        if championMetadata?.testDataHash != testHash || testHash == nil {
            guard let scoreChampion else {
                return (false, "production \(production) was evaluated on other test data and cannot be re-scored here")
            }
            championMetrics = try scoreChampion(inputs.registry.directory(of: production))
        }
        guard let champion = championMetrics[metric] else { return (true, "production \(production) has no \(metric)") }
        let better = ExportConfiguration.beats(challenger, champion, on: metric)
        let comparison = "\(metric) \(NumberFormat.human(challenger)) vs production \(production)'s \(NumberFormat.human(champion))"
        return (better, better ? "better: \(comparison)" : "not better: \(comparison)")
    }

    /// The registered version whose model and preprocessor are byte-identical to these.
    static func versionWithSameModel(_ inputs: Inputs, among versions: [ModelRegistry.Version]) throws -> String? {
        guard !versions.isEmpty else { return nil }
        let model = try FileHasher.hash(path: inputs.model).hash
        let preprocessor = try FileHasher.hash(path: inputs.preprocessor).hash
        return versions.reversed().first { version in
            guard let metadata = try? ModelMetadata.read(inputs.registry.directory(of: version.name) + "/metadata.json") else { return false }
            return metadata.json["model"]?["sha256"] == .string(model) && metadata.json["preprocessor"]?["sha256"] == .string(preprocessor)
        }?.name
    }

    static func readMetrics(_ path: String) throws -> [String: Double] {
        guard FileManager.default.fileExists(atPath: path) else {
            throw TaskFailure("metrics file '\(path)' does not exist", hint: "run the evaluate step first")
        }
        let json = try YAML.loadValues(path: path)
        var metrics: [String: Double] = [:]
        for (key, value) in json.flattened() {
            switch value {
            case .double(let d): metrics[key] = d
            case .int(let i): metrics[key] = Double(i)
            default: continue
            }
        }
        return metrics
    }

    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }
}
