import Basics
import Foundation

/// Hyperparameters, with XGBoost's names, defaults and allowed ranges.
public struct BoosterParameters: Sendable, Equatable {
    /// How trees grow: level by level, or always the leaf whose split gains most.
    public enum GrowPolicy: String, Sendable, CaseIterable {
        /// Level by level up to `maxDepth` (XGBoost's `depthwise`).
        case depthwise
        /// The best leaf first, up to `maxLeaves` (XGBoost's `lossguide`).
        case lossguide
    }

    /// The loss to minimise.
    public var objective: Objective = .squaredError
    /// Boosting rounds (trees).
    public var nEstimators = 100
    /// Shrinkage applied to every leaf (`eta`).
    public var learningRate = 0.3
    /// Deepest level a tree may reach; 0 means no limit (lossguide only).
    public var maxDepth = 6
    /// Most leaves per tree; 0 means no limit.
    public var maxLeaves = 0
    /// How trees grow.
    public var growPolicy = GrowPolicy.depthwise
    /// Least hessian sum a child must have.
    public var minChildWeight = 1.0
    /// L2 regularisation of leaf weights.
    public var regLambda = 1.0
    /// L1 regularisation of leaf weights.
    public var regAlpha = 0.0
    /// Least loss reduction a split must bring (`min_split_loss`).
    public var gamma = 0.0
    /// Share of rows drawn for each tree.
    public var subsample = 1.0
    /// Share of features drawn for each tree.
    public var colsampleByTree = 1.0
    /// Most bins per feature; one byte value is kept for missing values, so at most 255 hold values.
    public var maxBin = 256
    /// The starting prediction in output space; `nil` uses the label mean (the share of positives).
    public var baseScore: Double?
    /// Seed of the row and feature sampling.
    public var seed: UInt64 = 0
    /// Threads to use; `nil` uses every core.
    public var nJobs: Int?
    /// Stop when the validation metric has not improved for this many rounds (needs a validation set).
    public var earlyStoppingRounds: Int?

    /// The defaults.
    public init() {}

    /// Allowed integer ranges, by parameter name (also used to read params.yaml).
    public static let integerRanges: [String: ClosedRange<Int>] = [
        "n_estimators": 1...100_000, "max_depth": 0...64, "max_leaves": 0...1 << 20, "max_bin": 2...256,
        "n_jobs": 1...1024, "early_stopping_rounds": 1...100_000, "seed": 0...Int.max,
    ]

    /// Allowed real ranges, by parameter name; open bounds are described in `describeRange`.
    public static let realRanges: [String: ClosedRange<Double>] = [
        "learning_rate": 0...1, "min_child_weight": 0 ... .infinity, "reg_lambda": 0 ... .infinity,
        "reg_alpha": 0 ... .infinity, "gamma": 0 ... .infinity, "subsample": 0...1, "colsample_bytree": 0...1,
    ]

    /// Parameters whose lower bound is excluded (`learning_rate` of 0 would learn nothing).
    public static let openAtZero: Set<String> = ["learning_rate", "subsample", "colsample_bytree"]

    /// The threads training will use.
    public var threadCount: Int { nJobs ?? ProcessInfo.processInfo.activeProcessorCount }

    /// Throws a diagnostic naming the first parameter outside its allowed range.
    public func validate() throws {
        let ints: [(String, Int?)] = [
            ("n_estimators", nEstimators), ("max_depth", maxDepth), ("max_leaves", maxLeaves), ("max_bin", maxBin),
            ("n_jobs", nJobs), ("early_stopping_rounds", earlyStoppingRounds),
        ]
        for case let (name, value?) in ints {
            guard let range = Self.integerRanges[name], !range.contains(value) else { continue }
            throw Diagnostic.error("\(name) must be an integer in \(range.lowerBound)...\(range.upperBound), not \(value)")
        }
        let reals: [(String, Double)] = [
            ("learning_rate", learningRate), ("min_child_weight", minChildWeight), ("reg_lambda", regLambda),
            ("reg_alpha", regAlpha), ("gamma", gamma), ("subsample", subsample), ("colsample_bytree", colsampleByTree),
        ]
        for (name, value) in reals where !Self.allows(name, value) {
            throw Diagnostic.error("\(name) must be a number in \(Self.describeRange(name)), not \(JSONWriter.number(value))")
        }
        if let baseScore {
            let valid = objective == .logistic ? baseScore > 0 && baseScore < 1 : baseScore.isFinite
            guard valid else {
                throw Diagnostic.error("base_score must be \(objective == .logistic ? "in (0, 1) for binary:logistic" : "a finite number"), not \(JSONWriter.number(baseScore))")
            }
        }
        if growPolicy == .depthwise && maxDepth == 0 {
            throw Diagnostic.error("max_depth 0 (no limit) needs grow_policy: lossguide", hint: "set max_depth to 1...64")
        }
        if growPolicy == .lossguide && maxDepth == 0 && maxLeaves == 0 {
            throw Diagnostic.error("lossguide growth needs max_leaves or max_depth to bound the trees")
        }
    }

    /// Whether `value` lies in the allowed range of the real parameter `name`.
    public static func allows(_ name: String, _ value: Double) -> Bool {
        guard let range = realRanges[name], value.isFinite else { return false }
        return range.contains(value) && !(openAtZero.contains(name) && value == 0)
    }

    /// The allowed range of a real parameter as people write it: `(0, 1]`, `[0, inf)`.
    public static func describeRange(_ name: String) -> String {
        guard let range = realRanges[name] else { return "any range" }
        let low = (openAtZero.contains(name) ? "(" : "[") + JSONWriter.number(range.lowerBound)
        let high = range.upperBound.isInfinite ? "inf)" : JSONWriter.number(range.upperBound) + "]"
        return "\(low), \(high)"
    }
}
