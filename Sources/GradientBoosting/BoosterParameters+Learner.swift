/// The learners a booster can train, with XGBoost's names.
extension BoosterParameters {
    /// What a model is made of.
    package enum Learner: String, Sendable, CaseIterable {
        /// Regression trees (XGBoost's `gbtree`); with `num_parallel_tree` > 1, a forest per round.
        case gbtree
        /// One weight per feature and a bias, fitted by coordinate descent (XGBoost's `gblinear`).
        case gblinear
    }
}
