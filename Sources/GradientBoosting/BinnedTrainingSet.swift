import Basics

/// A training set binned once, whose row subsets train models without binning again:
/// the folds of a cross-validation, every candidate of a search.
///
/// The cut points come from all its rows, not from each subset's: a fold's model splits
/// on the same bin edges as every other fold's (as XGBoost's `cv` with one DMatrix does),
/// so its held-out rows have been seen when the edges were placed, never when fitting.
package struct BinnedTrainingSet: Sendable {
    /// The rows as given (raw values), for validation subsets and predictions.
    package let training: TrainingSet
    /// The features' names.
    package let featureNames: [String]
    /// `max_bin` the matrix was binned with; a model trained from it must ask for the same.
    package let maxBin: Int
    let mapper: BinMapper
    let matrix: BinnedMatrix

    /// Bins `training` with at most `maxBin` bins per feature on `threads` threads,
    /// after the checks `Booster.fit` makes (shape, labels for `objective`, category codes).
    package init(_ training: TrainingSet, featureNames: [String], objective: Objective, maxBin: Int, threads: Int) throws {
        try training.check(name: "training", featureCount: featureNames.count, objective: objective)
        try training.checkCategories(name: "training", featureNames: featureNames)
        self.training = training
        self.featureNames = featureNames
        self.maxBin = maxBin
        mapper = BinMapper(fitting: training.columns, maxBin: maxBin, threads: threads, types: training.featureTypes)
        matrix = BinnedMatrix(columns: training.columns, mapper: mapper, threads: threads)
    }

    /// The number of rows.
    package var rowCount: Int { training.rowCount }
}
