import Foundation
import Tabular
import Testing

@Suite struct MetricsTests {
    @Test func regressionMetricsByHand() {
        let actual: [Double] = [1, 2, 3], predicted: [Double] = [1, 2, 5]
        #expect(Metrics.rmse(actual, predicted) == (4.0 / 3).squareRoot())
        #expect(Metrics.mae(actual, predicted) == 2.0 / 3)
        #expect(Metrics.r2(actual, predicted) == -1)  // SS_res 4, SS_tot 2
        #expect(Metrics.r2([1, 2, 3], [1, 2, 3]) == 1)
        #expect(Metrics.r2([2, 2], [2, 2]) == 1)
        #expect(Metrics.r2([2, 2], [2, 3]) == 0)
        #expect(Metrics.rmse([], []).isNaN)
    }

    @Test func mapeSkipsZeroTargets() {
        #expect(Metrics.mape([0, 2, 4], [1, 1, 5]) == 0.375)
        #expect(Metrics.mape([0, 0], [1, 2]).isNaN)
    }

    @Test func logLossClipsProbabilities() {
        // scikit-learn: log_loss([1, 0, 1, 0], [0.9, 0.2, 0.6, 0.0]) = 0.20983242268450675
        let loss = Metrics.logLoss([1, 0, 1, 0], [0.9, 0.2, 0.6, 0.0])
        #expect(abs(loss - 0.20983242268450675) < 1e-15)
        #expect(Metrics.logLoss([1], [0]) == -log(1e-15))
    }

    @Test(arguments: [
        ([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], 0.75),
        ([0, 1, 0, 1], [0.5, 0.5, 0.2, 0.9], 0.875),  // one tied pair counts half
        ([1, 0, 1, 0], [0.3, 0.3, 0.3, 0.3], 0.5),
        ([0, 0, 1, 1], [0.1, 0.2, 0.3, 0.4], 1),
        ([1, 1, 0, 0], [0.1, 0.2, 0.3, 0.4], 0),
    ] as [([Double], [Double], Double)])
    func aucWithAverageRanks(labels: [Double], scores: [Double], expected: Double) {
        #expect(Metrics.auc(labels, scores) == expected)
    }

    @Test func aucNeedsBothClasses() {
        #expect(Metrics.auc([1, 1], [0.2, 0.3]).isNaN)
    }

    @Test func thresholdedMetricsByHand() {
        // Predictions at 0.5: 1, 1, 0, 0, 1, 0 → TP 2 (rows 0, 4), FP 1 (row 1), FN 1 (row 2), TN 2.
        let labels: [Double] = [1, 0, 1, 0, 1, 0], probabilities = [0.9, 0.5, 0.4, 0.1, 0.7, 0.49]
        #expect(Metrics.accuracy(labels, probabilities) == 4.0 / 6)
        #expect(Metrics.precision(labels, probabilities) == 2.0 / 3)
        #expect(Metrics.recall(labels, probabilities) == 2.0 / 3)
        #expect(abs(Metrics.f1(labels, probabilities) - 2.0 / 3) < 1e-15)
        #expect(Metrics.precision([1, 0], [0.1, 0.2]) == 0)
        #expect(Metrics.recall([0, 0], [0.9, 0.2]) == 0)
        #expect(Metrics.f1([1, 0], [0.1, 0.2]) == 0)
    }
}
