// Drift: the statistics that say whether the data a model sees now differs from the
// data it was trained on, as pure functions of samples, counts or a reference profile.
// Every statistic equals scipy's on the same input (Tests/DriftTests/Fixtures hold
// scipy's answers): two-sample Kolmogorov–Smirnov, chi-squared (contingency and
// goodness of fit), PSI, Wasserstein-1 and Jensen–Shannon distance.
//
// What this module must not know: CSV files, tables, params.yaml, thresholds or
// verdicts, the command line, pipelines and runs. It reads no files and never prints;
// it takes numbers and category counts and returns numbers (and the reasons where a
// number needed care, such as a constant reference column).

/// The constants every drift statistic shares, so a report can state them.
package enum DriftDefaults {
    /// How many reference-quantile bins PSI and Jensen–Shannon use for a numeric column.
    package static let binCount = 10
    /// The proportion that stands in for an empty bin in PSI (and for a category the
    /// reference never saw in the chi-squared goodness-of-fit test): the logarithm of
    /// zero would make the index infinite, and Evidently uses the same 1e-4 in most cases.
    package static let emptyBinFloor = 1e-4
    /// The smallest reference standard deviation the Wasserstein distance is divided
    /// by (Evidently's floor): a constant reference column would otherwise divide by zero.
    package static let standardDeviationFloor = 1e-3
}
