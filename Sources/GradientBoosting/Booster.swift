// GradientBoosting: gradient-boosted regression trees with XGBoost's hist method
// (quantile bins, histograms with the subtraction trick, both missing-value
// directions, depth-wise and loss-guided growth), and XGBoost's JSON model format.
//
// What this module must not know: CSV files, tables, params.yaml, the command line
// and printing. It takes feature columns (NaN, ±infinity and values beyond float32
// are missing) and labels, returns models and per-round records, and throws
// `Diagnostic`s for invalid input.
import Basics

/// A trained model: trees whose leaf values add up, from a base score, to a margin.
package struct Booster: Sendable, Equatable {
    /// The loss the model was trained for; it decides how margins become predictions.
    package var objective: Objective
    /// The starting prediction in output space (the mean label, or the share of positives).
    package var baseScore: Double
    /// The trees, in boosting order.
    package var trees: [RegressionTree]
    /// The feature names, in the order the trees index them.
    package var featureNames: [String]
    /// The bins the model was trained on (kept with the model; prediction uses raw thresholds).
    package var binMapper: BinMapper?
    /// The target column's name, when known.
    package var targetName: String?
    /// The round with the best validation metric, when early stopping was used.
    package var bestIteration: Int?
    /// Each feature's type; empty when every feature is numeric.
    package var featureTypes: [FeatureType] = []
    /// Each feature's category strings, code order (empty for a numeric feature); empty
    /// when the model was trained on codes without names. Written as XGBoost's `cats`.
    package var categoryNames: [[String]] = []
    /// The linear model of a `gblinear` booster; nil for trees (then `trees` holds the model,
    /// and for a linear model `trees` is empty).
    package var linear: LinearModel?
    /// Trees grown per round (`num_parallel_tree`): `trees` holds the rounds one after another.
    package var treesPerRound = 1

    /// A model from its parts.
    package init(objective: Objective, baseScore: Double, trees: [RegressionTree], featureNames: [String],
                binMapper: BinMapper? = nil, targetName: String? = nil, bestIteration: Int? = nil) {
        self.objective = objective
        self.baseScore = baseScore
        self.trees = trees
        self.featureNames = featureNames
        self.binMapper = binMapper
        self.targetName = targetName
        self.bestIteration = bestIteration
    }

    /// The boosting rounds the model holds: the linear model's, or the trees' rounds.
    package var rounds: Int { linear?.rounds ?? trees.count / max(treesPerRound, 1) }

    /// The margin every prediction starts from, in float32 as XGBoost holds it.
    package var baseMargin: Float { objective.margin(ofBaseScore: baseScore) }

    /// XGBoost's `feature_importances_` with importance type `gain`: the mean gain of
    /// the splits on each feature, normalised to sum to 1 (0 for unused features).
    /// Empty for a linear model, which has no splits (its weights are `linear.weights`).
    package var featureImportance: [Double] {
        guard linear == nil else { return [] }
        var totals = [Double](repeating: 0, count: featureNames.count)
        var counts = [Int](repeating: 0, count: featureNames.count)
        for tree in trees {
            for node in tree.nodes where !node.isLeaf && Int(node.feature) < totals.count {
                totals[Int(node.feature)] += Double(node.lossChange)
                counts[Int(node.feature)] += 1
            }
        }
        let means = zip(totals, counts).map { $1 == 0 ? 0 : $0 / Double($1) }
        let sum = means.reduce(0, +)
        return sum > 0 ? means.map { $0 / sum } : means
    }
}
