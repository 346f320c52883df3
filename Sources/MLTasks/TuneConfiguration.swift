import Basics
import GradientBoosting
import SearchSpace

/// The `tune` section of params.yaml: the folds, how candidates are chosen, the metric
/// that ranks them and the search space over `train` keys (documented in the README
/// from `options`).
package struct TuneConfiguration: Sendable {
    /// How candidates are chosen.
    package enum Method: String, Sendable, CaseIterable {
        /// `n_iter` points drawn from the space with `seed`.
        case random
        /// Every combination of the space's values.
        case grid
    }

    /// Every option, declared once: name, default, help.
    package static let options: [(name: String, defaultValue: String, help: String)] = [
        ("cv", "5", "folds of the cross-validation; stratified by label for binary:logistic"),
        ("method", "random", "random: n_iter candidates drawn from space; grid: every combination (uniform and loguniform cannot be listed)"),
        ("n_iter", "10", "candidates a random search draws (distinct when every dimension is discrete)"),
        ("seed", "0", "the seed of the folds and of the random draws"),
        ("metric", "rmse or logloss", "what ranks the candidates: rmse, mae, r2, mape (reg:squarederror); logloss, auc, accuracy, precision, recall, f1 (binary:logistic); the objective's loss by default"),
        ("early_stopping_rounds", "none", "stop each fold's training when its held-out rows' loss has not improved for this many rounds; the best candidate's n_estimators becomes its folds' mean round count"),
        ("space", "required", "train keys mapped to a value or a sweep: range(a,b[,step]), choice(a,b,…), uniform(a,b), loguniform(a,b), randint(a,b), or a list"),
    ]

    /// The metrics of a regression, as `ModelMetrics` names them.
    package static let regressionMetrics = ["rmse", "mae", "r2", "mape"]
    /// The metrics of a binary classification.
    package static let binaryMetrics = ["logloss", "auc", "accuracy", "precision", "recall", "f1"]
    /// The metrics that are better when greater.
    package static let greaterIsBetter: Set<String> = ["r2", "auc", "accuracy", "precision", "recall", "f1"]

    /// The number of folds.
    package var folds = 5
    /// How candidates are chosen.
    package var method = Method.random
    /// Candidates a random search draws.
    package var iterations = 10
    /// The seed of the folds and the draws.
    package var seed: UInt64 = 0
    /// The ranking metric.
    package var metric = "rmse"
    /// Early stopping inside each fold, on its held-out rows.
    package var earlyStoppingRounds: Int?
    /// The search space, validated against the hyperparameters.
    package var space: TuneSpace

    /// Reads the section; `base` are the `train` parameters the candidates start from.
    package init(_ section: ParamsSection, base: BoosterParameters) throws {
        try section.checkKeys(Self.options.map(\.name))
        folds = try section.int("cv", default: 5, in: 2...100_000)
        method = Method(rawValue: try section.string("method", default: "random", choices: Method.allCases.map(\.rawValue)) ?? "random") ?? .random
        iterations = try section.int("n_iter", default: 10, in: 1...1_000_000)
        seed = UInt64(try section.int("seed", default: 0, in: 0...Int.max))
        let metrics = base.objective == .logistic ? Self.binaryMetrics : Self.regressionMetrics
        metric = try section.string("metric", default: base.objective.metricName, choices: metrics) ?? base.objective.metricName
        if section["early_stopping_rounds"]?.value != .null {
            earlyStoppingRounds = section["early_stopping_rounds"] == nil ? nil : try section.int("early_stopping_rounds", default: 0, in: 1...100_000)
        }
        space = try TuneSpace(section: section, base: base)
    }

    /// Whether a greater metric is better.
    package var maximizes: Bool { Self.greaterIsBetter.contains(metric) }
}
