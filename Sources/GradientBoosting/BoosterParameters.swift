import Basics
import Foundation

/// Hyperparameters, with XGBoost's defaults; `hyperparameters` gives their names and allowed values.
package struct BoosterParameters: Sendable, Equatable {
    /// How trees grow: level by level, or always the leaf whose split gains most.
    package enum GrowPolicy: String, Sendable, CaseIterable {
        /// Level by level up to `maxDepth` (XGBoost's `depthwise`).
        case depthwise
        /// The best leaf first, up to `maxLeaves` (XGBoost's `lossguide`).
        case lossguide
    }

    /// The loss to minimise.
    package var objective: Objective = .squaredError
    /// The learner: trees, or a linear model fitted by coordinate descent.
    package var booster = Learner.gbtree
    /// Boosting rounds (trees).
    package var nEstimators = 100
    /// Shrinkage applied to every leaf (`eta`).
    package var learningRate = 0.3
    /// Deepest level a tree may reach; 0 means no limit (lossguide only).
    package var maxDepth = 6
    /// Most leaves per tree; 0 means no limit.
    package var maxLeaves = 0
    /// How trees grow.
    package var growPolicy = GrowPolicy.depthwise
    /// Least hessian sum a child must have.
    package var minChildWeight = 1.0
    /// L2 regularisation of leaf weights.
    package var regLambda = 1.0
    /// L1 regularisation of leaf weights.
    package var regAlpha = 0.0
    /// Least loss reduction a split must bring (`min_split_loss`).
    package var gamma = 0.0
    /// Share of rows drawn for each tree.
    package var subsample = 1.0
    /// Share of features drawn for each tree.
    package var colsampleByTree = 1.0
    /// Share of a tree's features drawn for each split (`colsample_bynode`).
    package var colsampleByNode = 1.0
    /// Trees grown per round on the same gradients, averaged (XGBoost's random-forest mode).
    package var numParallelTree = 1
    /// Most bins per feature; one byte value is kept for missing values, so at most 255 hold values.
    package var maxBin = 256
    /// A categorical feature with fewer categories than this splits one category against the rest (XGBoost's rule).
    package var maxCatToOnehot = 4
    /// The most categories a partition split on a categorical feature may send one way.
    package var maxCatThreshold = 64
    /// The starting prediction in output space; `nil` uses the label mean (the share of positives).
    package var baseScore: Double?
    /// Seed of the row and feature sampling.
    package var seed: UInt64 = 0
    /// Threads to use; `nil` uses every core.
    package var nJobs: Int?
    /// Stop when the validation metric has not improved for this many rounds (needs a validation set).
    package var earlyStoppingRounds: Int?

    /// The defaults.
    package init() {}

    /// The threads training will use.
    package var threadCount: Int { nJobs ?? ProcessInfo.processInfo.activeProcessorCount }

    /// Throws a diagnostic naming the first parameter outside its allowed values
    /// (see `hyperparameters`), or a combination that cannot train.
    package func validate() throws {
        for parameter in Self.hyperparameters {
            let value = parameter.value(in: self)
            guard !parameter.allows(value, given: self) else { continue }
            let shown = switch value {
            case .integer(let number): "\(number)"
            case .real(let number): JSONWriter.number(number)
            case .name(let name): name
            case .unset: "null"
            }
            throw Diagnostic.error("\(parameter.name) must be \(parameter.expectation(given: self)), not \(shown)")
        }
        if growPolicy == .depthwise && maxDepth == 0 {
            throw Diagnostic.error("max_depth 0 (no limit) needs grow_policy: lossguide", hint: "set max_depth to 1...64")
        }
        if growPolicy == .lossguide && maxDepth == 0 && maxLeaves == 0 {
            throw Diagnostic.error("lossguide growth needs max_leaves or max_depth to bound the trees")
        }
    }
}
