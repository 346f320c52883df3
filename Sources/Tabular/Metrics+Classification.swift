import Foundation

/// Binary classification metrics: labels are 0 or 1 (a label above 0.5 counts as
/// positive) and predictions are probabilities of the positive class.
extension Metrics {
    /// The probability from which a prediction counts as positive.
    package static let decisionThreshold = 0.5

    /// Mean negative log-likelihood, with probabilities clipped to [1e-15, 1 - 1e-15]
    /// so that a confident mistake costs a large but finite amount.
    package static func logLoss(_ labels: [Double], _ probabilities: [Double]) -> Double {
        mean(zip(labels, probabilities).map { label, probability in
            let p = min(max(probability, 1e-15), 1 - 1e-15)
            return isPositive(label) ? -log(p) : -log(1 - p)
        })
    }

    /// Area under the ROC curve: the chance that a random positive scores above a
    /// random negative, ties counting half (the Mann–Whitney U statistic with
    /// average ranks). NaN when only one class is present.
    package static func auc(_ labels: [Double], _ scores: [Double]) -> Double {
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var rankSumPositive = 0.0
        var positives = 0
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && scores[order[end]] == scores[order[start]] { end += 1 }
            let averageRank = Double(start + 1 + end) / 2  // ranks start..<end, 1-based
            for index in order[start..<end] where isPositive(labels[index]) {
                rankSumPositive += averageRank
                positives += 1
            }
            start = end
        }
        let negatives = order.count - positives
        guard positives > 0 && negatives > 0 else { return .nan }
        let u = rankSumPositive - Double(positives) * Double(positives + 1) / 2
        return u / (Double(positives) * Double(negatives))
    }

    /// The share of rows whose thresholded prediction equals the label.
    package static func accuracy(_ labels: [Double], _ probabilities: [Double]) -> Double {
        let counts = ConfusionCounts(labels, probabilities)
        let total = counts.truePositives + counts.trueNegatives + counts.falsePositives + counts.falseNegatives
        return total == 0 ? .nan : Double(counts.truePositives + counts.trueNegatives) / Double(total)
    }

    /// True positives over predicted positives; 0 when nothing is predicted positive.
    package static func precision(_ labels: [Double], _ probabilities: [Double]) -> Double {
        ConfusionCounts(labels, probabilities).precision
    }

    /// True positives over actual positives; 0 when there are no positives.
    package static func recall(_ labels: [Double], _ probabilities: [Double]) -> Double {
        ConfusionCounts(labels, probabilities).recall
    }

    /// The harmonic mean of precision and recall; 0 when both are 0.
    package static func f1(_ labels: [Double], _ probabilities: [Double]) -> Double {
        let counts = ConfusionCounts(labels, probabilities)
        let (p, r) = (counts.precision, counts.recall)
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    static func isPositive(_ label: Double) -> Bool { label > 0.5 }

    /// The confusion matrix of thresholded predictions.
    private struct ConfusionCounts {
        var truePositives = 0, falsePositives = 0, trueNegatives = 0, falseNegatives = 0

        init(_ labels: [Double], _ probabilities: [Double]) {
            for (label, probability) in zip(labels, probabilities) {
                switch (isPositive(label), probability >= decisionThreshold) {
                case (true, true): truePositives += 1
                case (false, true): falsePositives += 1
                case (false, false): trueNegatives += 1
                case (true, false): falseNegatives += 1
                }
            }
        }

        var precision: Double {
            truePositives + falsePositives == 0 ? 0 : Double(truePositives) / Double(truePositives + falsePositives)
        }

        var recall: Double {
            truePositives + falseNegatives == 0 ? 0 : Double(truePositives) / Double(truePositives + falseNegatives)
        }
    }
}
