import Foundation
import Testing
import _TestSupport

/// `sluice ml train` straight from a raw CSV with text columns (no preprocessor), then
/// `ml predict` and `ml evaluate` on new rows, one with a category training never saw.
@Suite struct RawCategoryTests {
    @Test func rawCSVWithTextColumnsTrainsPredictsAndEvaluates() throws {
        let project = try FixtureProject("rawcat")
        defer { project.directory.remove() }
        let train = try project.run(["ml", "train", "--train", "data/raw.csv", "--target", "price", "--model", "m.json", "--metrics", "train.json"])
        #expect(train.status == 0, "stderr: \(train.stderr)")
        let model = try MLCommandTests.json(project.read("m.json"))
        let learner = try #require(model["learner"] as? [String: Any])
        #expect(learner["feature_types"] as? [String] == ["c", "float", "c"])
        let cats = try #require(((learner["gradient_booster"] as? [String: Any])?["model"] as? [String: Any])?["cats"] as? [String: Any])
        #expect(cats["feature_segments"] as? [Int] == [0, 5, 5, 8])
        let r2 = try #require((try MLCommandTests.json(project.read("train.json"))["train"] as? [String: Double])?["r2"])
        #expect(r2 > 0.9, "the colour effect is learnt")

        let predict = try project.run(["ml", "predict", "--model", "m.json", "--input", "data/new.csv", "--out", "out.csv", "--keep", "color"])
        #expect(predict.status == 0, "stderr: \(predict.stderr)")
        let rows = MLCommandTests.predictions(try project.read("out.csv"))
        #expect(rows.map { $0[0] } == ["red", "purple", "", "blue"])
        #expect(rows[1][1] == rows[2][1], "an unseen category predicts as a missing one")
        #expect(rows[0][1] != rows[3][1])

        let evaluate = try project.run(["ml", "evaluate", "--model", "m.json", "--data", "data/test.csv", "--json"])
        #expect(evaluate.status == 0, "stderr: \(evaluate.stderr)")
        #expect(try MLCommandTests.json(evaluate.stdout)["rows"] as? Int == 41)
    }
}
