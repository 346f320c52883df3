/// The table of hyperparameters: the one place each is named, with its allowed
/// values and what it does; the defaults are the properties' initial values.
extension BoosterParameters {
    /// Every hyperparameter params.yaml may set, in the order the README lists them.
    /// Built on each use rather than stored: a stored constant must be `Sendable`, and
    /// closures generic over the properties' types cannot be before Swift 6.2.
    package static var hyperparameters: [Hyperparameter] { [
        .choice("objective", \.objective, help: "the loss to minimise", allowedNote: "labels 0/1"),
        .choice("booster", \.booster, help: "the learner: gradient-boosted trees, or a linear model by coordinate descent",
                allowedNote: "gblinear: XGBoost's coord_descent with the cyclic selector; tree keys are ignored"),
        .integer("n_estimators", \.nEstimators, in: 1...100_000,
                 help: "boosting rounds (trees per round: num_parallel_tree; gblinear: passes over the features)"),
        .real("learning_rate", \.learningRate, in: 0...1, openBelow: true,
              help: "shrinkage applied to every leaf, or to every gblinear step (`eta`)"),
        .integer("max_depth", \.maxDepth, in: 0...64, help: "the deepest level a tree may reach",
                 allowedNote: "0: no limit, lossguide only"),
        .integer("max_leaves", \.maxLeaves, in: 0...1 << 20, help: "the most leaves per tree", defaultNote: "no limit"),
        .choice("grow_policy", \.growPolicy, help: "how trees grow: level by level, or the best leaf first",
                allowedNote: "best leaf first"),
        .real("min_child_weight", \.minChildWeight, in: 0 ... .infinity, help: "the least hessian sum a child must have"),
        .real("reg_lambda", \.regLambda, in: 0 ... .infinity,
              help: "L2 regularisation of leaf weights (gblinear: of the feature weights, times the row count)"),
        .real("reg_alpha", \.regAlpha, in: 0 ... .infinity,
              help: "L1 regularisation of leaf weights (gblinear: of the feature weights, times the row count)"),
        .real("gamma", \.gamma, in: 0 ... .infinity, help: "the least loss reduction a split must bring (`min_split_loss`)"),
        .real("subsample", \.subsample, in: 0...1, openBelow: true, help: "the share of rows drawn for each tree"),
        .real("colsample_bytree", \.colsampleByTree, in: 0...1, openBelow: true, help: "the share of features drawn for each tree"),
        .real("colsample_bynode", \.colsampleByNode, in: 0...1, openBelow: true,
              help: "the share of the tree's features drawn for each split"),
        .integer("num_parallel_tree", \.numParallelTree, in: 1...10_000,
                 help: "trees grown per round on the same gradients, each with learning_rate / num_parallel_tree (a random forest)",
                 allowedNote: "gbtree only"),
        .integer("max_bin", \.maxBin, in: 2...256, help: "the most bins per feature",
                 allowedNote: "a feature with missing values keeps one byte value for them: at most 255 value bins"),
        .integer("max_cat_to_onehot", \.maxCatToOnehot, in: 1...Int(Int32.max),
                 help: "a categorical feature with fewer categories than this splits one category against the rest",
                 allowedNote: "more categories: partition splits"),
        .integer("max_cat_threshold", \.maxCatThreshold, in: 1...Int(Int32.max),
                 help: "the most categories a partition split considers for one side"),
        .score("base_score", \.baseScore, help: "the starting prediction, in output space",
               defaultNote: "mean label (share of positives)"),
        .integer("seed", \.seed, in: 0...Int.max, help: "the seed of the row and feature sampling"),
        .optionalInteger("n_jobs", \.nJobs, in: 1...1024, help: "the threads to train with", defaultNote: "all cores"),
        .optionalInteger("early_stopping_rounds", \.earlyStoppingRounds, in: 1...100_000,
                         help: "stop when the validation metric has not improved for this many rounds", defaultNote: "none",
                         allowedNote: "needs `--valid`; the model keeps the trees up to the best round"),
    ] }
}
