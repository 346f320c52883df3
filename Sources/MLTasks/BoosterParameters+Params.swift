import Basics
import GradientBoosting
import YAML

/// Reading the `train` section of params.yaml into booster parameters, with located
/// errors that name the key and its allowed range.
extension BoosterParameters {
    /// The keys the `train` section may hold.
    public static let paramsKeys = [
        "objective", "n_estimators", "learning_rate", "max_depth", "max_leaves", "grow_policy", "min_child_weight",
        "reg_lambda", "reg_alpha", "gamma", "subsample", "colsample_bytree", "max_bin", "base_score", "seed",
        "n_jobs", "early_stopping_rounds",
    ]

    /// Parameters from `section`; absent keys keep XGBoost's defaults.
    public init(section: ParamsSection) throws {
        try section.checkKeys(Self.paramsKeys)
        self.init()
        let objectiveName = try section.string("objective", default: Objective.squaredError.rawValue,
                                               choices: Objective.allCases.map(\.rawValue)) ?? Objective.squaredError.rawValue
        objective = Objective(rawValue: objectiveName) ?? .squaredError
        func int(_ key: String, _ value: Int) throws -> Int {
            try section.int(key, default: value, in: Self.integerRanges[key] ?? Int.min...Int.max)
        }
        func optionalInt(_ key: String) throws -> Int? {
            guard let node = section[key], node.value != .null else { return nil }
            return try int(key, 0)
        }
        func real(_ key: String, _ value: Double) throws -> Double {
            guard let node = section[key] else { return value }
            let number: Double? = switch node.value {
            case .double(let d): d
            case .int(let i): Double(i)
            default: nil
            }
            guard let number, Self.allows(key, number) else {
                throw section.invalid(key, node, "a number in \(Self.describeRange(key))")
            }
            return number
        }
        nEstimators = try int("n_estimators", nEstimators)
        learningRate = try real("learning_rate", learningRate)
        maxDepth = try int("max_depth", maxDepth)
        maxLeaves = try int("max_leaves", maxLeaves)
        let policy = try section.string("grow_policy", default: growPolicy.rawValue, choices: GrowPolicy.allCases.map(\.rawValue))
        growPolicy = policy.flatMap(GrowPolicy.init(rawValue:)) ?? .depthwise
        minChildWeight = try real("min_child_weight", minChildWeight)
        regLambda = try real("reg_lambda", regLambda)
        regAlpha = try real("reg_alpha", regAlpha)
        gamma = try real("gamma", gamma)
        subsample = try real("subsample", subsample)
        colsampleByTree = try real("colsample_bytree", colsampleByTree)
        maxBin = try int("max_bin", maxBin)
        seed = UInt64(try int("seed", 0))
        nJobs = try optionalInt("n_jobs")
        earlyStoppingRounds = try optionalInt("early_stopping_rounds")
        if let node = section["base_score"], node.value != .null {
            let score = try section.double("base_score", default: 0)
            let valid = objective == .logistic ? score > 0 && score < 1 : score.isFinite
            guard valid else {
                throw section.invalid("base_score", node, objective == .logistic ? "a number in (0, 1) for binary:logistic" : "a finite number")
            }
            baseScore = score
        }
        // Combinations (such as max_depth 0 with depth-wise growth) are checked here,
        // located at the section.
        do { try validate() } catch let diagnostic as Diagnostic {
            throw Diagnostic.error("\(section.name): \(diagnostic.message)", at: section.node?.location, hint: diagnostic.hint)
        }
    }
}
