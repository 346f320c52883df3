import Tabular

/// The plot data files `ml evaluate --plots DIR` writes, as tables: for regression the
/// predicted values against the actual ones and the residuals; for a binary model the
/// ROC and precision–recall curves, the calibration curve and the (actual, predicted)
/// pairs of the confusion matrix at the decision threshold.
package enum EvaluationPlots {
    /// The number of equal-width probability bins of the calibration curve (scikit-learn's default 5 is coarse for plots).
    package static let calibrationBins = 10

    /// File name (in the plots folder) → table, in the order written.
    package static func tables(binary: Bool, labels: [Double], predictions: [Double], threshold: Double = 0.5) throws -> [(name: String, table: Table)] {
        guard binary else {
            return [
                ("predicted_vs_actual.csv", try Table([("actual", .numeric(labels)), ("predicted", .numeric(predictions))])),
                ("residuals.csv", try Table([("predicted", .numeric(predictions)), ("residual", .numeric(zip(labels, predictions).map { $0 - $1 }))])),
            ]
        }
        let roc = rocCurve(labels: labels, scores: predictions)
        let pr = precisionRecallCurve(labels: labels, scores: predictions)
        let calibration = calibrationCurve(labels: labels, probabilities: predictions, bins: calibrationBins)
        let classes = { (value: Double) in value > 0.5 ? "1" : "0" }
        return [
            ("roc.csv", try Table([("fpr", .numeric(roc.map(\.fpr))), ("tpr", .numeric(roc.map(\.tpr))), ("threshold", .numeric(roc.map(\.threshold)))])),
            ("precision_recall.csv", try Table([
                ("recall", .numeric(pr.map(\.recall))), ("precision", .numeric(pr.map(\.precision))), ("threshold", .numeric(pr.map(\.threshold))),
            ])),
            ("calibration.csv", try Table([
                ("mean_predicted", .numeric(calibration.map(\.meanPredicted))), ("fraction_positive", .numeric(calibration.map(\.fractionPositive))),
                ("count", .numeric(calibration.map { Double($0.count) })),
            ])),
            ("confusion.csv", try Table([
                ("actual", .category(strings: labels.map(classes))),
                ("predicted", .category(strings: predictions.map { $0 >= threshold ? "1" : "0" })),
            ])),
        ]
    }

    /// The ROC curve: from (0, 0) through one point per distinct score, highest first
    /// (tied scores move together, so the trapezoids' area is the rank AUC), to (1, 1).
    /// The first point's threshold is +inf, as scikit-learn's `roc_curve`.
    package static func rocCurve(labels: [Double], scores: [Double]) -> [(fpr: Double, tpr: Double, threshold: Double)] {
        let order = scores.indices.filter { scores[$0].isFinite && labels[$0].isFinite }.sorted { scores[$0] > scores[$1] }
        let positives = Double(order.filter { labels[$0] > 0.5 }.count), negatives = Double(order.count) - positives
        var points: [(fpr: Double, tpr: Double, threshold: Double)] = [(0, 0, .infinity)]
        var tp = 0.0, fp = 0.0, position = 0
        while position < order.count {
            let score = scores[order[position]]
            while position < order.count && scores[order[position]] == score {
                if labels[order[position]] > 0.5 { tp += 1 } else { fp += 1 }
                position += 1
            }
            points.append((negatives > 0 ? fp / negatives : 0, positives > 0 ? tp / positives : 0, score))
        }
        return points
    }

    /// The area under a curve of (x, y) points by trapezoids, in the points' order.
    package static func area(x: [Double], y: [Double]) -> Double {
        var total = 0.0
        for index in x.indices.dropFirst() { total += (x[index] - x[index - 1]) * (y[index] + y[index - 1]) / 2 }
        return total
    }

    /// The precision–recall curve: one point per distinct score, highest first (the
    /// threshold predicting class 1 at and above it), after the start (recall 0, precision 1).
    package static func precisionRecallCurve(labels: [Double], scores: [Double]) -> [(recall: Double, precision: Double, threshold: Double)] {
        let roc = rocCurve(labels: labels, scores: scores)
        let finite = scores.indices.filter { scores[$0].isFinite && labels[$0].isFinite }
        let positives = Double(finite.filter { labels[$0] > 0.5 }.count), negatives = Double(finite.count) - positives
        var points: [(recall: Double, precision: Double, threshold: Double)] = [(0, 1, .infinity)]
        for point in roc.dropFirst() {
            let tp = point.tpr * positives, fp = point.fpr * negatives
            points.append((point.tpr, tp + fp > 0 ? tp / (tp + fp) : 1, point.threshold))
        }
        return points
    }

    /// The calibration curve (scikit-learn's `calibration_curve`, strategy `uniform`): per
    /// non-empty bin of equal width over [0, 1], the mean predicted probability and the
    /// fraction of positives.
    package static func calibrationCurve(labels: [Double], probabilities: [Double], bins: Int) -> [(meanPredicted: Double, fractionPositive: Double, count: Int)] {
        let bins = max(bins, 1)
        var sums = [Double](repeating: 0, count: bins), positives = [Double](repeating: 0, count: bins), counts = [Int](repeating: 0, count: bins)
        for (label, probability) in zip(labels, probabilities) where probability.isFinite && label.isFinite {
            // scikit-learn's bin edges: the right edge of the last bin includes 1.
            let bin = min(max(Int(probability * Double(bins)), 0), bins - 1)
            sums[bin] += probability
            positives[bin] += label > 0.5 ? 1 : 0
            counts[bin] += 1
        }
        return (0..<bins).filter { counts[$0] > 0 }.map { (sums[$0] / Double(counts[$0]), positives[$0] / Double(counts[$0]), counts[$0]) }
    }
}
