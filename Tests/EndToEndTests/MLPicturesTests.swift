import Foundation
import Testing
import _TestSupport

/// The plot data `ml train --importance` and `ml evaluate --plots` write, checked against
/// values computed independently (the metrics file, the model file, the test data).
@Suite struct MLPicturesTests {
    /// A CSV as its header and rows of cells.
    static func csv(_ text: String) -> (header: [String], rows: [[String]]) {
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return (lines.first ?? [], Array(lines.dropFirst()))
    }

    static func column(_ table: (header: [String], rows: [[String]]), _ name: String) -> [Double] {
        guard let index = table.header.firstIndex(of: name) else { return [] }
        return table.rows.map { Double($0[index]) ?? .nan }
    }

    @Test func binaryEvaluationCurvesAgreeWithItsMetrics() throws {
        let project = try FixtureProject("gbdt")
        defer { project.directory.remove() }
        #expect(try project.run(["ml", "train", "--train", "data/clf_train.csv", "--target", "label", "--section", "classify", "--model", "clf.json"]).status == 0)
        let evaluate = try project.run(["ml", "evaluate", "--model", "clf.json", "--data", "data/clf_test.csv", "--plots", "plots", "--json"])
        #expect(evaluate.status == 0, "stderr: \(evaluate.stderr)")
        let metrics = try #require(try JSONSerialization.jsonObject(with: Data(evaluate.stdout.utf8)) as? [String: Any])
        let auc = try #require(metrics["auc"] as? Double)

        let roc = Self.csv(try project.read("plots/roc.csv"))
        #expect(roc.header == ["fpr", "tpr", "threshold"])
        let fpr = Self.column(roc, "fpr"), tpr = Self.column(roc, "tpr")
        #expect(fpr.first == 0 && tpr.first == 0 && fpr.last == 1 && tpr.last == 1)
        var area = 0.0
        for index in fpr.indices.dropFirst() { area += (fpr[index] - fpr[index - 1]) * (tpr[index] + tpr[index - 1]) / 2 }
        #expect(abs(area - auc) < 1e-12, "area under roc.csv \(area) vs the auc metric \(auc)")

        let pr = Self.csv(try project.read("plots/precision_recall.csv"))
        #expect(pr.header == ["recall", "precision", "threshold"])
        #expect(Self.column(pr, "recall").last == 1)

        let confusion = Self.csv(try project.read("plots/confusion.csv"))
        #expect(confusion.header == ["actual", "predicted"] && confusion.rows.count == metrics["rows"] as? Int)
        let agreeing = Double(confusion.rows.filter { $0[0] == $0[1] }.count) / Double(confusion.rows.count)
        #expect(abs(agreeing - (metrics["accuracy"] as? Double ?? -1)) < 1e-12, "the confusion pairs give the accuracy metric")

        let calibration = Self.csv(try project.read("plots/calibration.csv"))
        #expect(calibration.header == ["mean_predicted", "fraction_positive", "count"])
        #expect(Self.column(calibration, "count").reduce(0, +) == Double(confusion.rows.count))
        #expect(Self.column(calibration, "mean_predicted").allSatisfy { $0 > 0 && $0 < 1 })
    }

    @Test func regressionPicturesAndImportance() throws {
        let project = try FixtureProject("gbdt")
        defer { project.directory.remove() }
        let train = try project.run(["ml", "train", "--train", "data/train.csv", "--target", "y", "--model", "m.json", "--importance", "imp.csv"])
        #expect(train.status == 0, "stderr: \(train.stderr)")
        let importance = Self.csv(try project.read("imp.csv"))
        #expect(importance.header == ["feature", "weight", "gain", "cover", "total_gain", "total_cover"])
        #expect(Set(importance.rows.map { $0[0] }) == ["a", "b", "c"])
        let gain = Self.column(importance, "gain")
        #expect(gain == gain.sorted(by: >), "sorted by gain")
        // weight is the number of splits per feature: their sum is the model file's split count.
        let model = try #require(try JSONSerialization.jsonObject(with: Data(project.read("m.json").utf8)) as? [String: Any])
        let trees = try #require(((model["learner"] as? [String: Any])?["gradient_booster"] as? [String: Any])?["model"] as? [String: Any])
        let splits = (trees["trees"] as? [[String: Any]] ?? []).reduce(0) { total, tree in
            total + ((tree["left_children"] as? [Int]) ?? []).filter { $0 >= 0 }.count
        }
        #expect(Self.column(importance, "weight").reduce(0, +) == Double(splits) && splits > 0)
        for row in importance.rows where row[1] != "0" {
            let weight = Double(row[1])!, mean = Double(row[2])!, total = Double(row[4])!
            #expect(abs(mean * weight - total) <= 1e-9 * max(1, total), "gain = total_gain / weight for \(row[0])")
        }

        let evaluate = try project.run(["ml", "evaluate", "--model", "m.json", "--data", "data/test.csv", "--plots", "plots"])
        #expect(evaluate.status == 0, "stderr: \(evaluate.stderr)")
        let pairs = Self.csv(try project.read("plots/predicted_vs_actual.csv"))
        let residuals = Self.csv(try project.read("plots/residuals.csv"))
        let test = Self.csv(try project.read("data/test.csv"))
        #expect(pairs.header == ["actual", "predicted"] && residuals.header == ["predicted", "residual"])
        #expect(Self.column(pairs, "actual") == Self.column(test, "y"))
        let actual = Self.column(pairs, "actual"), predicted = Self.column(pairs, "predicted"), residual = Self.column(residuals, "residual")
        #expect(Self.column(residuals, "predicted") == predicted)
        for index in actual.indices { #expect(abs(residual[index] - (actual[index] - predicted[index])) < 1e-9) }
    }
}
