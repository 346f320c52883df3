import Foundation
import Testing
import _TestSupport

/// `sluice ml train | evaluate | predict` on the gbdt fixture.
@Suite struct MLCommandTests {
    static func json(_ text: String) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw FixtureError(message: "not a JSON object: \(text)")
        }
        return object
    }

    /// The `prediction` column (and the first column when there are two) of a predictions CSV.
    static func predictions(_ text: String) -> [[String]] {
        text.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func trainEvaluatePredictRegression() throws {
        let project = try FixtureProject("gbdt")
        defer { project.directory.remove() }
        let train = try project.run([
            "ml", "train", "--train", "data/train.csv", "--target", "y", "--valid", "data/test.csv",
            "--model", "models/model.json", "--metrics", "metrics/train.json", "--history", "metrics/history.csv",
        ])
        #expect(train.status == 0, "stderr: \(train.stderr)")
        #expect(train.stdout.hasPrefix("Trained 30 trees in "))
        #expect(train.stderr.isEmpty, "no progress lines without a terminal: \(train.stderr)")
        let metrics = try Self.json(project.read("metrics/train.json"))
        #expect(metrics["rounds"] as? Int == 30 && metrics["fit_seconds"] is Double)
        let valid = try #require(metrics["valid"] as? [String: Double])
        #expect(Set(valid.keys) == ["rmse", "mae", "r2", "mape"])
        #expect(try #require(valid["r2"]) > 0.8)
        let importance = try #require(metrics["feature_importance"] as? [String: Double])
        #expect(importance.keys.sorted() == ["a", "b", "c"] && importance["a"]! > importance["c"]!)
        let history = try project.read("metrics/history.csv").split(separator: "\n")
        #expect(history.first == "round,train_rmse,valid_rmse" && history.count == 31)

        let evaluate = try project.run(["ml", "evaluate", "--model", "models/model.json", "--data", "data/test.csv", "--metrics", "metrics/eval.json", "--json"])
        #expect(evaluate.status == 0, "stderr: \(evaluate.stderr)")
        let evaluated = try Self.json(evaluate.stdout)
        #expect(evaluated["rmse"] as? Double == valid["rmse"] && evaluated["rows"] as? Int == 30)
        #expect(try Self.json(project.read("metrics/eval.json"))["rmse"] as? Double == valid["rmse"])

        let predict = try project.run(["ml", "predict", "--model", "models/model.json", "--input", "data/test.csv", "--out", "out/predictions.csv", "--keep", "id"])
        #expect(predict.status == 0, "stderr: \(predict.stderr)")
        let output = try project.read("out/predictions.csv")
        #expect(output.hasPrefix("id,prediction\n0,"))
        #expect(Self.predictions(output).count == 30)
    }

    @Test func bundleAppliesItsPreprocessorToRawInput() throws {
        let project = try FixtureProject("gbdt")
        defer { project.directory.remove() }
        #expect(try project.run(["ml", "train", "--train", "data/train.csv", "--target", "y", "--model", "bundle/model.json"]).status == 0)
        let prepared = try project.run(["ml", "predict", "--model", "bundle/model.json", "--input", "data/test.csv", "--out", "prepared.csv", "--keep", "id"])
        let raw = try project.run(["ml", "predict", "--model", "bundle", "--input", "data/raw.csv", "--out", "raw.csv", "--keep", "id"])
        #expect(prepared.status == 0 && raw.status == 0, "stderr: \(raw.stderr)")
        let fromPrepared = Self.predictions(try project.read("prepared.csv"))
        let fromRaw = Self.predictions(try project.read("raw.csv"))
        #expect(fromPrepared.count == 30 && fromRaw.count == 30)
        // Rows without missing values prepare to exactly the prepared file's values.
        let test = Self.predictions(try project.read("data/test.csv"))
        for (row, cells) in test.enumerated() where !cells[2].isEmpty {
            #expect(fromPrepared[row] == fromRaw[row], "row \(row)")
        }
    }

    @Test func binaryModelPredictsProbabilities() throws {
        let project = try FixtureProject("gbdt")
        defer { project.directory.remove() }
        let train = try project.run(["ml", "train", "--train", "data/clf_train.csv", "--target", "label", "--section", "classify", "--model", "clf.json", "--json"])
        #expect(train.status == 0, "stderr: \(train.stderr)")
        #expect(try Self.json(train.stdout)["objective"] as? String == "binary:logistic")
        let evaluate = try project.run(["ml", "evaluate", "--model", "clf.json", "--data", "data/clf_test.csv", "--json"])
        let metrics = try Self.json(evaluate.stdout)
        #expect(Set(metrics.keys) == ["logloss", "auc", "accuracy", "precision", "recall", "f1", "rows"])
        #expect(try #require(metrics["auc"] as? Double) > 0.8)
        #expect(try project.run(["ml", "predict", "--model", "clf.json", "--input", "data/clf_test.csv", "--out", "p.csv"]).status == 0)
        let probabilities = Self.predictions(try project.read("p.csv")).compactMap { Double($0[0]) }
        #expect(probabilities.count == 30 && probabilities.allSatisfy { $0 > 0 && $0 < 1 })
    }

    @Test func runDirectoryReceivesTheHistory() throws {
        let project = try FixtureProject("gbdt")
        defer { project.directory.remove() }
        try FileManager.default.createDirectory(atPath: project.directory.url("run"), withIntermediateDirectories: true)
        let result = try project.run(
            ["ml", "train", "--train", "data/train.csv", "--target", "y", "--valid", "data/test.csv", "--model", "m.json"],
            environment: ["SLUICE_RUN_DIR": project.directory.url("run")])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = try project.read("run/history.jsonl").split(separator: "\n")
        #expect(lines.count == 60)
        let first = try Self.json(String(lines[0])), second = try Self.json(String(lines[1]))
        #expect(first["key"] as? String == "train_rmse" && first["step"] as? Int == 0 && first["value"] is Double && first["time"] is Double)
        #expect(second["key"] as? String == "valid_rmse")
    }

    @Test func infiniteFeatureValuesAreWarnedAboutAndTakenAsMissing() throws {
        let project = try FixtureProject("gbdt")
        defer { project.directory.remove() }
        var rows = try project.read("data/train.csv").split(separator: "\n").map(String.init)
        rows[1] = "inf," + rows[1].split(separator: ",").dropFirst().joined(separator: ",")
        rows[2] = "-1e39," + rows[2].split(separator: ",").dropFirst().joined(separator: ",")
        try project.write("data/train.csv", rows.joined(separator: "\n") + "\n")
        let train = try project.run(["ml", "train", "--train", "data/train.csv", "--target", "y", "--model", "m.json", "--metrics", "t.json"])
        #expect(train.status == 0, "stderr: \(train.stderr)")
        #expect(train.stderr.contains("warning: 2 values of 'a' in data/train.csv were infinite (or beyond float32's range) and taken as missing"),
                "stderr: \(train.stderr)")
        let metrics = try Self.json(project.read("t.json"))
        #expect((metrics["infinite_as_missing"] as? [String: Any]) != nil, "metrics: \(metrics)")

        let evaluate = try project.run(["ml", "evaluate", "--model", "m.json", "--data", "data/train.csv"])
        #expect(evaluate.status == 0 && evaluate.stderr.contains("warning: 2 values of 'a' in data/train.csv"), "stderr: \(evaluate.stderr)")
    }

    @Test(arguments: [
        (["--train", "data/train.csv"], Int32(2), "no target column: name it with --target"),
        (["--train", "data/train.csv", "--target", "yy"], Int32(1), "data/train.csv has no target column 'yy'"),
        (["--train", "data/missing.csv", "--target", "y"], Int32(1), "input 'data/missing.csv' does not exist"),
        (["--train", "data/clf_train.csv", "--target", "a", "--section", "classify"], Int32(1), "which binary:logistic cannot learn"),
    ])
    func trainErrorsNameTheProblem(_ arguments: [String], _ status: Int32, _ message: String) throws {
        let project = try FixtureProject("gbdt")
        defer { project.directory.remove() }
        let result = try project.run(["ml", "train", "--model", "m.json"] + arguments)
        #expect(result.status == status)
        #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
        #expect(!project.exists("m.json"))
    }

    @Test func invalidParameterIsLocatedInParamsYAML() throws {
        let project = try FixtureProject("gbdt")
        defer { project.directory.remove() }
        try project.write("params.yaml", "train:\n  n_estimators: 10\n  learning_rate: 0\n")
        let result = try project.run(["ml", "train", "--train", "data/train.csv", "--target", "y", "--model", "m.json"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("params.yaml:3:18: error: train.learning_rate must be a number in (0.0, 1.0], not '0'"), "stderr: \(result.stderr)")
        try project.write("params.yaml", "train:\n  max_detph: 3\n")
        let typo = try project.run(["ml", "train", "--train", "data/train.csv", "--target", "y", "--model", "m.json"])
        #expect(typo.stderr.contains("unknown option 'train.max_detph'") && typo.stderr.contains("did you mean 'max_depth'?"), "stderr: \(typo.stderr)")
    }

    @Test func predictErrorsNameTheProblem() throws {
        let project = try FixtureProject("gbdt")
        defer { project.directory.remove() }
        #expect(try project.run(["ml", "train", "--train", "data/train.csv", "--target", "y", "--model", "m.json"]).status == 0)
        try project.write("partial.csv", "a,c\n1,2\n")
        let missing = try project.run(["ml", "predict", "--model", "m.json", "--input", "partial.csv", "--out", "p.csv"])
        #expect(missing.status == 1 && missing.stderr.contains("partial.csv lacks feature column 'b'"), "stderr: \(missing.stderr)")
        try project.write("bad.json", "{\"learner\": [")
        let malformed = try project.run(["ml", "predict", "--model", "bad.json", "--input", "data/test.csv", "--out", "p.csv"])
        #expect(malformed.status == 1 && malformed.stderr.contains("bad.json:1:14: error: not a valid model file: expected a JSON value"), "stderr: \(malformed.stderr)")
        #expect(!project.exists("p.csv"))
    }
}
