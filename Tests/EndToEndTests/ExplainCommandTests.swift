import Foundation
import Testing
import _TestSupport

/// `sluice ml explain` on the gbdt fixture: the CSV, the page, a bundle's raw input, errors.
@Suite struct ExplainCommandTests {
    /// The rows of a CSV, header first, as cells.
    static func cells(_ text: String) -> [[String]] {
        text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func explainsEveryRowAndDrawsThePage() throws {
        let project = try FixtureProject("gbdt")
        defer { project.directory.remove() }
        #expect(try project.run(["ml", "train", "--train", "data/train.csv", "--target", "y", "--model", "bundle/model.json"]).status == 0)
        let explain = try project.run(["ml", "explain", "--model", "bundle/model.json", "--input", "data/test.csv", "--out", "out/shap.csv",
                                       "--html", "out/explain.html"])
        #expect(explain.status == 0, "stderr: \(explain.stderr)")
        #expect(explain.stdout.hasPrefix("Wrote SHAP values of 30 rows × 3 features to out/shap.csv"))
        let shap = Self.cells(try project.read("out/shap.csv"))
        #expect(shap.first == ["a", "b", "c", "bias"])
        #expect(shap.count == 31)
        // Each row adds up to the prediction (squared error: the margin is the prediction).
        let predict = try project.run(["ml", "predict", "--model", "bundle/model.json", "--input", "data/test.csv", "--out", "p.csv"])
        #expect(predict.status == 0)
        let predictions = Self.cells(try project.read("p.csv")).dropFirst().map { Double($0[0]) ?? .nan }
        for (row, values) in shap.dropFirst().enumerated() {
            let sum = values.compactMap(Double.init).reduce(0, +)
            #expect(abs(sum - predictions[row]) < 1e-4, "row \(row)")
        }
        let page = try project.read("out/explain.html")
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains("Mean |SHAP| per feature") && page.contains("Dependence: "))

        // A bundle explains raw input through its preprocessor: the same features.
        let raw = try project.run(["ml", "explain", "--model", "bundle", "--input", "data/raw.csv", "--out", "raw-shap.csv"])
        #expect(raw.status == 0, "stderr: \(raw.stderr)")
        #expect(Self.cells(try project.read("raw-shap.csv")).first == ["a", "b", "c", "bias"])
    }

    @Test func errorsNameTheProblem() throws {
        let project = try FixtureProject("gbdt")
        defer { project.directory.remove() }
        let noModel = try project.run(["ml", "explain", "--model", "nowhere.json", "--input", "data/test.csv", "--out", "shap.csv"])
        #expect(noModel.status == 2 && noModel.stderr.contains("nowhere.json"))
        #expect(try project.run(["ml", "train", "--train", "data/train.csv", "--target", "y", "--model", "m.json"]).status == 0)
        let noInput = try project.run(["ml", "explain", "--model", "m.json", "--input", "missing.csv", "--out", "shap.csv"])
        #expect(noInput.status == 1 && noInput.stderr.contains("missing.csv"))
        let noOut = try project.run(["ml", "explain", "--model", "m.json", "--input", "data/test.csv"])
        #expect(noOut.status == 2 && noOut.stderr.contains("--out"))
    }
}
