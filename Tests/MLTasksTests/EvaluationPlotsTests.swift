import MLTasks
import Tabular
import Testing

/// The curves of `ml evaluate --plots`, against hand-computed values and the rank AUC.
@Suite struct EvaluationPlotsTests {
    @Test func rocAreaIsTheRankAUCWithTies() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let count = Int.random(in: 5...200, using: &generator)
            // Scores on a coarse grid so that ties are common.
            let scores = (0..<count).map { _ in Double(Int.random(in: 0...10, using: &generator)) / 10 }
            let labels = scores.map { Double.random(in: 0...1, using: &generator) < $0 ? 1.0 : 0.0 }
            guard labels.contains(1), labels.contains(0) else { continue }
            let roc = EvaluationPlots.rocCurve(labels: labels, scores: scores)
            let area = EvaluationPlots.area(x: roc.map(\.fpr), y: roc.map(\.tpr))
            #expect(abs(area - Metrics.auc(labels, scores)) < 1e-12)
        }
    }

    @Test func smallCurvesByHand() {
        let labels: [Double] = [1, 0, 1, 0], scores = [0.9, 0.8, 0.8, 0.1]
        let roc = EvaluationPlots.rocCurve(labels: labels, scores: scores)
        #expect(roc.map(\.fpr) == [0, 0, 0.5, 1] && roc.map(\.tpr) == [0, 0.5, 1, 1])
        #expect(roc.map(\.threshold) == [.infinity, 0.9, 0.8, 0.1])
        let pr = EvaluationPlots.precisionRecallCurve(labels: labels, scores: scores)
        #expect(pr.map(\.recall) == [0, 0.5, 1, 1] && pr.map(\.precision) == [1, 1, 2.0 / 3, 0.5])
        let calibration = EvaluationPlots.calibrationCurve(labels: labels, probabilities: scores, bins: 10)
        #expect(calibration.map(\.count) == [1, 2, 1])
        #expect(calibration.map(\.fractionPositive) == [0, 0.5, 1])
        #expect(abs(calibration[1].meanPredicted - 0.8) < 1e-15)
    }

    @Test func regressionTablesHoldPairsAndResiduals() throws {
        let tables = try EvaluationPlots.tables(binary: false, labels: [3, 5], predictions: [2.5, 6])
        #expect(tables.map(\.name) == ["predicted_vs_actual.csv", "residuals.csv"])
        #expect(try tables[1].table.numericColumn(named: "residual") == [0.5, -1])
        let binary = try EvaluationPlots.tables(binary: true, labels: [1, 0], predictions: [0.7, 0.5])
        #expect(binary.map(\.name) == ["roc.csv", "precision_recall.csv", "calibration.csv", "confusion.csv"])
        #expect(try binary[3].table.column(named: "predicted").stringValues == ["1", "1"], "0.5 counts as class 1")
    }
}
