import Basics
import Drift
import Foundation

/// `metadata.json` of a registered bundle: what the model is, how good it was, and
/// where it came from.
package struct ModelMetadata: Sendable {
    /// The full document.
    package var json: JSONValue

    /// The evaluation metrics recorded at export.
    package var metrics: [String: Double] {
        guard case .object(let members)? = json["metrics"] else { return [:] }
        var result: [String: Double] = [:]
        for member in members {
            if case .double(let d) = member.value { result[member.key] = d }
            if case .int(let i) = member.value { result[member.key] = Double(i) }
        }
        return result
    }

    /// SHA-256 of the test data the metrics were computed on.
    package var testDataHash: String? {
        if case .string(let hash)? = json["data"]?["test"]?["sha256"] { return hash }
        return nil
    }

    /// Reads a metadata file.
    package static func read(_ path: String) throws -> ModelMetadata {
        ModelMetadata(json: try JSONReader.load(path: path))
    }
}

extension ExportTask {
    /// The metadata of the version being registered.
    func metadata(_ inputs: Inputs, version: String, metrics: [String: Double], testHash: String?) throws -> ModelMetadata {
        let preprocessor = try Preprocessor.load(path: inputs.preprocessor)
        var data: [(key: String, value: JSONValue)] = []
        if let testData = inputs.testData, let testHash {
            data.append(("test", .object([("path", .string(testData)), ("sha256", .string(testHash))])))
        }
        return ModelMetadata(json: .object([
            ("name", .string(inputs.registry.name)), ("version", .string(version)),
            ("created", .string(Self.timestamp())), ("sluice_version", .string(SluiceVersion.current)),
            ("run_id", inputs.runID.map(JSONValue.string) ?? .null),
            ("target", preprocessor.target.map(JSONValue.string) ?? .null),
            ("features", .array(preprocessor.features.map(JSONValue.string))),
            ("metrics", .object(metrics.sorted { $0.key < $1.key }.map { (key: $0.key, value: .double($0.value)) })),
            ("params", .object(inputs.parameters)),
            ("data", .object(data)),
            ("model", .object([("sha256", .string(try FileHasher.hash(path: inputs.model).hash))])),
            ("preprocessor", .object([("sha256", .string(try FileHasher.hash(path: inputs.preprocessor).hash))])),
        ]))
    }

    /// Writes `<registry>/<name>/<version>/` whole: built beside it, then renamed.
    func writeBundle(_ inputs: Inputs, version: String, metadata: ModelMetadata) throws {
        for path in [inputs.model, inputs.preprocessor] + (inputs.profile.map { [$0] } ?? []) where !FileManager.default.fileExists(atPath: path) {
            throw TaskFailure("'\(path)' does not exist", hint: "run the train and prepare steps first")
        }
        let target = inputs.registry.directory(of: version)
        let staging = inputs.registry.modelDirectory + "/.\(version).tmp-\(getpid())"
        try? FileManager.default.removeItem(atPath: staging)
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: staging) }
        try FileManager.default.copyItem(atPath: inputs.model, toPath: staging + "/model.json")
        try FileManager.default.copyItem(atPath: inputs.preprocessor, toPath: staging + "/preprocessor.json")
        if let profile = try bundledProfile(inputs) {
            try AtomicFile.write(profile.jsonText + "\n", to: staging + "/" + DriftReference.profileFileName)
        }
        try AtomicFile.write(JSONWriter.pretty.string(metadata.json) + "\n", to: staging + "/metadata.json")
        try FileManager.default.moveItem(atPath: staging, toPath: target)
    }

    /// The training split's profile with the model's predictions on the test data added
    /// (as `DriftReference.predictionColumn`), so that drift against the bundle can
    /// compare predictions without the training data.
    func bundledProfile(_ inputs: Inputs) throws -> ReferenceProfile? {
        guard let path = inputs.profile else { return nil }
        var profile = try ReferenceProfile.load(path: path)
        if let testData = inputs.testData {
            let model = try ModelInputs(ModelLocation(model: inputs.model, preprocessor: nil))
            let table = try ModelColumns.readCSV(testData, categories: model.categoryColumns)
            let columns = try model.columns(of: table, target: nil, requireTarget: false, source: testData)
            profile.addNumeric(DriftReference.predictionColumn, NumericSample(model.model.predict(columns: columns.features)))
        }
        return profile
    }
}
