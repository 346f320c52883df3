import Foundation
import Testing
import _TestSupport

/// `sluice ml tune` on the gbdt fixture, and `ml train` reading what it chose.
@Suite struct TuneCommandTests {
    static let tune = """

        tune:
          cv: 3
          n_iter: 4
          seed: 2
          metric: rmse
          space:
            max_depth: 'range(2,5)'
            learning_rate: 'loguniform(0.05,0.5)'
            subsample: 'uniform(0.6,1)'

        """

    @Test func tuneWritesRankedTableAndParamsThatTrainReads() throws {
        let project = try FixtureProject("gbdt")
        defer { project.directory.remove() }
        try project.write("params.yaml", try project.read("params.yaml") + Self.tune)
        let tune = try project.run([
            "ml", "tune", "--train", "data/train.csv", "--target", "y", "--out", "models/best_params.yaml",
            "--metrics", "metrics/tune.json", "--table", "metrics/cv.csv", "--folds", "metrics/folds.csv",
        ])
        #expect(tune.status == 0, "stderr: \(tune.stderr)")
        let progress = tune.stderr.split(separator: "\n").filter { $0.hasPrefix("[") }
        #expect(progress.count == 4 && progress.last?.hasPrefix("[4/4] candidate ") == true, "\(tune.stderr)")
        #expect(tune.stdout.contains("Searched 4 candidates × 3 folds"))
        let metrics = try MLCommandTests.json(project.read("metrics/tune.json"))
        let table = try #require(metrics["table"] as? [[String: Any]])
        let means = table.compactMap { $0["mean_rmse"] as? Double }
        #expect(means.count == 4 && means == means.sorted())
        let best = try #require(metrics["best"] as? [String: Any])
        #expect(best["mean_rmse"] as? Double == means.first)
        #expect(try project.read("metrics/cv.csv").split(separator: "\n").count == 5)
        #expect(try project.read("metrics/folds.csv").split(separator: "\n").count == 81)
        let chosen = try project.read("models/best_params.yaml")
        #expect(chosen.contains("train:\n") && chosen.contains("  n_estimators: 30\n"), "\(chosen)")

        let train = try project.run([
            "ml", "train", "--train", "data/train.csv", "--target", "y", "--params", "models/best_params.yaml", "--model", "models/model.json",
        ])
        #expect(train.status == 0, "stderr: \(train.stderr)")
        #expect(train.stdout.hasPrefix("Trained 30 trees"))
    }

    @Test func malformedSweepIsAConfigurationErrorLocatedInParams() throws {
        let project = try FixtureProject("gbdt")
        defer { project.directory.remove() }
        try project.write("params.yaml", try project.read("params.yaml") + "tune:\n  space:\n    max_depth: 'range(3,)'\n")
        let tune = try project.run(["ml", "tune", "--train", "data/train.csv", "--target", "y"])
        #expect(tune.status == 2)
        #expect(tune.stderr.contains("params.yaml:13:25: error: expected a value"), "\(tune.stderr)")
    }
}
