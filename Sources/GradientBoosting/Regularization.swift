/// Leaf weights and gains under L1/L2 regularisation, as XGBoost defines them.
struct Regularization: Sendable {
    /// L2 penalty on weights.
    var lambda: Double
    /// L1 penalty on weights.
    var alpha: Double
    /// Least hessian sum of a child.
    var minChildWeight: Double

    /// The gradient sum shrunk towards zero by `alpha` (soft thresholding).
    @inline(__always)
    func thresholded(_ g: Double) -> Double {
        g > alpha ? g - alpha : g < -alpha ? g + alpha : 0
    }

    /// The optimal weight of a leaf with these sums, before the learning rate.
    @inline(__always)
    func weight(_ sum: GradientSum) -> Double {
        guard sum.h >= minChildWeight, sum.h > 0 else { return 0 }
        return -thresholded(sum.g) / (sum.h + lambda)
    }

    /// How much a leaf with these sums reduces the loss (the structure score).
    /// Written as selects, not branches, so that a loop over many splits' sums runs
    /// without mispredictions and its divisions overlap.
    @inline(__always)
    func gain(_ sum: GradientSum) -> Double {
        let t = thresholded(sum.g)
        let score = t * t / (sum.h + lambda)
        return sum.h >= minChildWeight && sum.h > 0 ? score : 0
    }
}
