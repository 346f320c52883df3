import Foundation
import Testing
import _TestSupport

/// `booster: gblinear` and a random forest through every command that reads a model:
/// `ml train`, `ml evaluate`, `ml predict`, `ml export` and `ml drift --model`; and
/// gblinear refusing a native categorical column with a hint to one-hot encode it.
@Suite struct LearnerCommandTests {
    static let linear = "train:\n  booster: gblinear\n  n_estimators: 60\n  learning_rate: 0.5\n  reg_lambda: 0.001\n"
    static let forest = "train:\n  num_parallel_tree: 6\n  n_estimators: 1\n  learning_rate: 1\n  subsample: 0.8\n  colsample_bynode: 0.6\n"

    @Test(arguments: [("gblinear", linear), ("forest", forest)])
    func everyModelCommandTakesTheLearner(_ learner: String, _ params: String) throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.write("ref.csv", "x,g,y\n" + (0..<400).map { "\($0 % 50),\($0 % 3),\(Double($0 % 50) / 5 + Double($0 % 3))" }
            .joined(separator: "\n") + "\n")
        try project.write("cur.csv", "x,g\n" + (0..<200).map { "\($0 % 50 + 30),\($0 % 3)" }.joined(separator: "\n") + "\n")
        try project.write("params.yaml", params)
        let train = try project.run(["ml", "prepare", "--input", "ref.csv", "--target", "y", "--train", "train.csv", "--test", "test.csv",
                                     "--preprocessor", "p.json", "--profile", "profile.json"])
        #expect(train.status == 0, "\(train.stderr)")
        let trained = try project.run(["ml", "train", "--train", "train.csv", "--preprocessor", "p.json", "--model", "m.json",
                                       "--metrics", "train.json"])
        #expect(trained.status == 0, "\(trained.stderr)")
        let metrics = try MLCommandTests.json(project.read("train.json"))
        let model = try MLCommandTests.json(project.read("m.json"))
        let booster = (model["learner"] as? [String: Any])?["gradient_booster"] as? [String: Any]
        if learner == "gblinear" {
            #expect(trained.stdout.contains("Trained a linear model (60 rounds)"))
            #expect(booster?["name"] as? String == "gblinear")
            #expect((metrics["coefficients"] as? [String: Double])?.keys.sorted() == ["g", "x"])
            #expect(metrics["feature_importance"] == nil)
            #expect(((metrics["train"] as? [String: Double])?["r2"] ?? 0) > 0.99, "y is linear in x and g")
        } else {
            #expect(trained.stdout.contains("Trained 6 trees"))
            let parameters = (booster?["model"] as? [String: Any])?["gbtree_model_param"] as? [String: String]
            #expect(parameters?["num_parallel_tree"] == "6")
            #expect(metrics["rounds"] as? Int == 1)
        }
        for command in [
            ["ml", "evaluate", "--model", "m.json", "--data", "test.csv", "--metrics", "eval.json"],
            ["ml", "predict", "--model", "m.json", "--input", "test.csv", "--out", "out.csv"],
            ["ml", "export", "--model", "m.json", "--preprocessor", "p.json", "--profile", "profile.json", "--metrics", "eval.json",
             "--data", "test.csv", "--registry", "registry", "--production", "production"],
            ["ml", "drift", "--reference", "production", "--model", "production", "--current", "cur.csv", "--json"],
        ] {
            let result = try project.run(command)
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
        let evaluation = try MLCommandTests.json(project.read("eval.json"))
        // 120 distinct training rows: one round of six sampled trees still explains most of y.
        #expect((evaluation["r2"] as? Double ?? 0) > (learner == "gblinear" ? 0.99 : 0.6))
    }

    @Test func gblinearRefusesANativeCategoricalColumn() throws {
        let project = try FixtureProject("rawcat")
        defer { project.directory.remove() }
        try project.write("params.yaml", "train:\n  booster: gblinear\n")
        let result = try project.run(["ml", "train", "--train", "data/raw.csv", "--target", "price", "--model", "m.json"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("booster gblinear cannot use the categorical feature"))
        #expect(result.stderr.contains("onehot"))
        #expect(!project.exists("m.json"))
    }
}
