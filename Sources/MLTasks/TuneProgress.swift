import SearchSpace

/// A candidate whose folds have all finished, reported while the search goes on.
package struct TuneProgress: Sendable {
    /// The candidate and its scores.
    package var candidate: TuneCandidate
    /// Candidates finished so far, this one included.
    package var finished: Int
    /// Candidates in the search.
    package var total: Int
    /// The ranking metric.
    package var metric: String
    /// Seconds since the search began.
    package var elapsed: Double
}
