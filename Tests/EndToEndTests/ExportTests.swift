import Foundation
import Testing
import _TestSupport

/// `sluice ml export`, `ml promote` and `ml registry list` with stand-in model files.
@Suite struct ExportTests {
    static func project() throws -> FixtureProject {
        let project = try FixtureProject("housing")
        let prepared = try project.run(["ml", "prepare", "--input", "HousingData.csv", "--target", "MEDV", "--train", "train.csv",
                                        "--test", "test.csv", "--preprocessor", "preprocessor.json"])
        #expect(prepared.status == 0, "stderr: \(prepared.stderr)")
        try project.write("model.json", "{\"stand-in\": 1}\n")
        try project.write("params.yaml", "export:\n  name: housing\n  min_r2: 0.7\n  max_rmse: 5.0\n  metric: rmse\n")
        return project
    }

    @discardableResult
    static func export(_ project: FixtureProject, rmse: Double, r2: Double = 0.9, extra: [String] = []) throws -> ProcessResult {
        try project.write("eval.json", "{\"rmse\": \(rmse), \"r2\": \(r2), \"mae\": 2.0}\n")
        return try project.run(["ml", "export", "--model", "model.json", "--preprocessor", "preprocessor.json",
                                "--metrics", "eval.json", "--data", "test.csv", "--json"] + extra)
    }

    static func json(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    @Test func firstVersionBecomesProductionWithMetadata() throws {
        let project = try Self.project()
        defer { project.directory.remove() }
        let result = try Self.export(project, rmse: 3.0)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(Self.json(result.stdout)["promoted"] as? Bool == true)
        for file in ["model.json", "preprocessor.json", "metadata.json"] {
            #expect(project.exists("models/registry/housing/v1/\(file)"))
            #expect(project.exists("models/production/latest/\(file)"))
        }
        let metadata = Self.json(try project.read("models/registry/housing/v1/metadata.json"))
        #expect(metadata["target"] as? String == "MEDV")
        #expect((metadata["features"] as? [String])?.count == 13)
        #expect((metadata["metrics"] as? [String: Double])?["rmse"] == 3.0)
        #expect(((metadata["data"] as? [String: Any])?["test"] as? [String: Any])?["sha256"] as? String != nil)
        #expect((metadata["params"] as? [String: Any])?["export.min_r2"] as? Double == 0.7)
    }

    /// The values the model was trained with (ml tune's best parameters) are recorded
    /// over params.yaml's; a missing file is a configuration error.
    @Test func trainParamsAreRecordedOverParamsYaml() throws {
        let project = try Self.project()
        defer { project.directory.remove() }
        try project.write("params.yaml", "export:\n  name: housing\n  metric: rmse\ntrain:\n  max_depth: 6\n  learning_rate: 0.3\n")
        try project.write("best_params.yaml", "train:\n  max_depth: 4\n  subsample: 0.8\n")
        let result = try Self.export(project, rmse: 3.0, extra: ["--train-params", "best_params.yaml"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let params = Self.json(try project.read("models/registry/housing/v1/metadata.json"))["params"] as? [String: Any]
        #expect(params?["train.max_depth"] as? Int == 4)
        #expect(params?["train.learning_rate"] as? Double == 0.3)
        #expect(params?["train.subsample"] as? Double == 0.8)
        let missing = try Self.export(project, rmse: 2.0, extra: ["--train-params", "nowhere.yaml"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nowhere.yaml"))
        #expect(!project.exists("models/registry/housing/v2"))
    }

    @Test func challengerIsPromotedOnlyWhenBetter() throws {
        let project = try Self.project()
        defer { project.directory.remove() }
        try Self.export(project, rmse: 3.0)
        try project.write("model.json", "{\"stand-in\": 2}\n")
        let worse = try Self.export(project, rmse: 3.5)
        #expect(Self.json(worse.stdout)["promoted"] as? Bool == false)
        #expect(worse.stderr.contains("not better: rmse 3.5 vs production v1's 3"))
        #expect(project.exists("models/registry/housing/v2/model.json"))
        try project.write("model.json", "{\"stand-in\": 3}\n")
        let better = try Self.export(project, rmse: 2.5)
        #expect(Self.json(better.stdout)["version"] as? String == "v3")
        #expect(Self.json(better.stdout)["promoted"] as? Bool == true)
        try project.write("model.json", "{\"stand-in\": 4}\n")
        let forced = try Self.export(project, rmse: 9.0, r2: 0.8, extra: ["--force"])
        #expect(forced.status == 1)  // the gate still applies: max_rmse 5.0
        let list = Self.json(try project.run(["ml", "registry", "list", "--json"]).stdout)
        #expect((list["housing"] as? [String: Any])?["production"] as? String == "v3")
    }

    @Test func failingTheGateRegistersNothing() throws {
        let project = try Self.project()
        defer { project.directory.remove() }
        let result = try Self.export(project, rmse: 3.0, r2: 0.6)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: quality gate failed: r2 0.6 < min_r2 0.7; nothing was registered or promoted"))
        #expect(!project.exists("models/registry/housing/v1"))
        #expect(!project.exists("models/production/latest"))
    }

    @Test func promoteRollsBack() throws {
        let project = try Self.project()
        defer { project.directory.remove() }
        try Self.export(project, rmse: 3.0)
        try project.write("model.json", "{\"stand-in\": 2}\n")
        try Self.export(project, rmse: 2.0)
        #expect(try project.read("models/production/latest/model.json") == "{\"stand-in\": 2}\n")
        let rollback = try project.run(["ml", "promote", "housing", "v1"])
        #expect(rollback.status == 0)
        #expect(try project.read("models/production/latest/model.json") == "{\"stand-in\": 1}\n")
        let unknown = try project.run(["ml", "promote", "housing", "v9"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("model 'housing' has no version 'v9'"))
        let text = try project.run(["ml", "registry", "list"]).stdout
        #expect(text.contains("housing  v1 *") && text.contains("housing  v2  "))
    }
}

@Suite struct ReExportTests {
    @Test func exportingTheSameModelAgainAddsNoVersion() throws {
        let project = try ExportTests.project()
        defer { project.directory.remove() }
        try ExportTests.export(project, rmse: 3.0)
        let again = try ExportTests.export(project, rmse: 3.0)
        #expect(again.status == 0)
        #expect(ExportTests.json(again.stdout)["new"] as? Bool == false)
        #expect(again.stderr.contains("the same model is already registered as v1, which is production"))
        #expect(!project.exists("models/registry/housing/v2"))
    }
}
