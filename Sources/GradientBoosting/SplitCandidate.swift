/// The best way found to split one node.
struct SplitCandidate: Sendable, Equatable {
    /// The feature tested.
    var feature: Int
    /// Rows whose bin is at most this go left (-1: no value goes left, only missing ones).
    var splitBin: Int
    /// The raw test: `Float(x) < threshold` goes left.
    var threshold: Float
    /// Where missing values go.
    var defaultLeft: Bool
    /// The loss reduction (gain) of the split, in float32 as XGBoost records it.
    var lossChange: Float
    /// Sums of the rows that go left.
    var left: GradientSum
    /// Sums of the rows that go right.
    var right: GradientSum
    /// For a categorical feature, the categories (bins) that go right; the others go left.
    var rightCategories: CategoryBits? = nil

    /// Whether this beats `other`, preferring the lower feature on ties (XGBoost's rule).
    func isBetter(than other: SplitCandidate?) -> Bool {
        guard let other else { return true }
        return other.feature <= feature ? lossChange > other.lossChange : !(other.lossChange > lossChange)
    }
}
