import Basics
import Foundation

/// The loss a booster minimises, with XGBoost's names.
package enum Objective: String, Sendable, CaseIterable {
    /// Squared error; predictions are the margin itself.
    case squaredError = "reg:squarederror"
    /// Logistic loss on 0/1 labels; predictions are probabilities of class 1.
    case logistic = "binary:logistic"

    /// The metric reported per round: `rmse` or `logloss`, as XGBoost names them.
    package var metricName: String {
        switch self {
        case .squaredError: "rmse"
        case .logistic: "logloss"
        }
    }

    /// The default base score in output space: the mean of the labels (for the
    /// logistic loss, the share of positives, clamped away from 0 and 1).
    func defaultBaseScore(_ labels: [Double]) -> Double {
        let mean = labels.isEmpty ? 0.5 : labels.reduce(0, +) / Double(labels.count)
        switch self {
        case .squaredError: return mean
        case .logistic: return min(max(mean, 1e-6), 1 - 1e-6)
        }
    }

    /// The margin of a base score given in output space, in float32 as XGBoost holds it.
    package func margin(ofBaseScore score: Double) -> Float {
        switch self {
        case .squaredError: return Float(score)
        case .logistic:
            let p = Double(Float(score))
            return Float(log(p / (1 - p)))
        }
    }

    /// Output space from a margin: identity, or the sigmoid computed in float32 as XGBoost does.
    @inline(__always)
    package func transform(_ margin: Float) -> Float {
        switch self {
        case .squaredError: return margin
        case .logistic: return 1 / (1 + expf(-margin))
        }
    }

    /// The largest label magnitude squared error learns from. Trees learn in float32:
    /// a gradient is a margin minus a label, and margins stay near the labels, so
    /// labels of at most 1e38 keep every gradient below float32's largest, 3.4e38.
    package static let largestLabel = 1e38

    /// Whether this objective can learn from (and be scored against) `label`: 0 or 1
    /// for the logistic loss, a finite number of magnitude at most `largestLabel` for
    /// squared error.
    @inline(__always)
    package func accepts(label: Double) -> Bool {
        switch self {
        case .squaredError: abs(label) <= Self.largestLabel  // false for NaN
        case .logistic: label == 0 || label == 1
        }
    }

    /// The index of the first label this objective cannot learn from, if any.
    package func firstInvalidLabel(_ labels: [Double]) -> Int? {
        labels.firstIndex { !accepts(label: $0) }
    }

    /// What labels this objective needs, for error hints.
    package var labelRequirement: String {
        switch self {
        case .squaredError: "reg:squarederror needs finite labels of magnitude at most 1e38 (trees learn in float32)"
        case .logistic: "binary:logistic needs labels 0 and 1"
        }
    }

    /// Writes the gradient and hessian of every row in `rows` from labels and margins,
    /// and returns the sum of the rows' losses (computed in the same pass), or 0
    /// without `withLoss`.
    @inline(__always)
    func gradients(
        labels: UnsafePointer<Float>, margins: UnsafePointer<Float>, into out: UnsafeMutablePointer<GradientPair>,
        rows: Range<Int>, withLoss: Bool
    ) -> Double {
        var sum = 0.0
        switch self {
        case .squaredError:
            for row in rows { out[row] = GradientPair(g: margins[row] - labels[row], h: 1) }
            guard withLoss else { return 0 }
            for row in rows {
                let d = Double(labels[row]) - Double(margins[row])
                sum += d * d
            }
        case .logistic:
            guard withLoss else {
                for row in rows {
                    let p = 1 / (1 + expf(-margins[row]))
                    out[row] = GradientPair(g: p - labels[row], h: max(p * (1 - p), 1e-16))
                }
                return 0
            }
            for row in rows {
                let margin = margins[row], p = 1 / (1 + expf(-margin))
                out[row] = GradientPair(g: p - labels[row], h: max(p * (1 - p), 1e-16))
                // One float32 logarithm per row: -log(1 - p) = margin - log(p), which also
                // stays exact where 1 - p rounds to 0. Losses are capped at -log(1e-15),
                // as Metrics.logLoss clips probabilities.
                let logP = logf(max(p, 1e-15))
                let loss = labels[row] > 0.5 ? -logP : max(margin - logP, 0)
                sum += Double(min(loss, Self.maximumLoss))
            }
        }
        return sum
    }

    /// The largest per-row log loss: that of a probability clipped to 1e-15.
    static let maximumLoss = Float(-log(1e-15))

    /// The metric from the sum of `count` rows' losses: the root of the mean for squared error, the mean for log loss.
    func metric(lossSum: Double, count: Int) -> Double {
        guard count > 0 else { return .nan }
        let mean = lossSum / Double(count)
        return self == .squaredError ? mean.squareRoot() : mean
    }

    /// The per-round metric of `margins` against `labels` (RMSE or log loss), summed in
    /// fixed chunks so the value never depends on the thread count.
    func metric(labels: [Float], margins: [Float], threads: Int) -> Double {
        guard !labels.isEmpty else { return .nan }
        let chunks = Parallel.chunks(labels.count, size: 1 << 16)
        let sums = labels.withUnsafeBufferPointer { y in
            margins.withUnsafeBufferPointer { m in
                let (y, m) = (Unchecked(y), Unchecked(m))
                return Parallel.map(chunks.count, threads: threads) { chunk in
                    var sum = 0.0
                    for row in chunks[chunk] { sum += loss(label: Double(y.value[row]), margin: m.value[row]) }
                    return sum
                }
            }
        }
        return metric(lossSum: sums.reduce(0, +), count: labels.count)
    }

    /// The loss of one row: the squared error, or the log loss of the float32 probability.
    @inline(__always)
    private func loss(label: Double, margin: Float) -> Double {
        switch self {
        case .squaredError:
            let d = label - Double(margin)
            return d * d
        case .logistic:
            let p = min(max(Double(transform(margin)), 1e-15), 1 - 1e-15)
            return label > 0.5 ? -log(p) : -log(1 - p)
        }
    }
}
