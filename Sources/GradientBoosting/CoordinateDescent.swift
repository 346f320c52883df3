import Basics

/// XGBoost's coordinate-descent update for `gblinear` (src/linear/coordinate_common.h
/// and updater_coordinate.cc), with the cyclic feature selector: one round updates the
/// bias by a Newton step, then each feature's weight in turn, each step seeing the
/// gradients the previous steps changed.
///
/// The arithmetic follows XGBoost's types: gradients and products in float32, sums
/// in double, each step scaled by the float32 learning rate and applied in float32.
/// With one thread XGBoost's default `shotgun` updater takes the same steps.
struct CoordinateDescent {
    /// The learning rate as XGBoost holds it (float32).
    let learningRate: Float
    /// The L2 penalty times the sum of instance weights (the row count), in float32.
    let lambda: Float
    /// The L1 penalty times the sum of instance weights (the row count), in float32.
    let alpha: Float
    /// Threads for the sums over rows.
    let threads: Int

    /// Penalties given per row, as params.yaml gives them, scaled by `rowCount` as
    /// XGBoost's `DenormalizePenalties` does.
    init(learningRate: Double, regLambda: Double, regAlpha: Double, rowCount: Int, threads: Int) {
        self.learningRate = Float(learningRate)
        lambda = Float(Double(Float(regLambda)) * Double(rowCount))
        alpha = Float(Double(Float(regAlpha)) * Double(rowCount))
        self.threads = threads
    }

    /// The change of a weight `w` with gradient sum `g` and hessian sum `h` (both
    /// already weighted by the feature's values): a Newton step with the L2 penalty,
    /// soft-thresholded by the L1 penalty and never carrying the weight past 0.
    static func weightDelta(sumGradient g: Double, sumHessian h: Double, weight w: Double, alpha: Double, lambda: Double) -> Double {
        if h < Double(Float(1e-5)) { return 0 }
        let gradient = g + lambda * w, hessian = h + lambda
        if w - gradient / hessian >= 0 {
            return max(-(gradient + alpha) / hessian, -w)
        }
        return min(-(gradient - alpha) / hessian, -w)
    }

    /// The change of the bias: a Newton step, 0 where it is not finite.
    static func biasDelta(sumGradient g: Double, sumHessian h: Double) -> Double {
        let step = -g / h
        return step.isFinite ? step : 0
    }

    /// Rows per chunk of a sum: sums are added per chunk, then in chunk order, so
    /// they do not depend on the thread count (and follow row order up to a chunk).
    private static let chunkRows = 1 << 14

    /// One round: updates `model` from `gradients`, which it keeps current after each step.
    /// `columns` are float32 feature values with NaN where a value is missing.
    func update(_ model: inout LinearModel, gradients: inout [GradientPair], columns: [[Float]]) {
        let chunks = Parallel.chunks(gradients.count, size: Self.chunkRows)
        gradients.withUnsafeMutableBufferPointer { pairs in
            let shared = Unchecked(pairs.baseAddress!)
            // The bias first: its gradient is the plain sum.
            let biasSums = Parallel.map(chunks.count, threads: threads) { chunk in
                var sum = GradientSum()
                for row in chunks[chunk] {
                    let pair = shared.value[row]
                    if pair.h >= 0 { sum.g += Double(pair.g); sum.h += Double(pair.h) }
                }
                return sum
            }.reduce(GradientSum(), +)
            let biasStep = Float(Double(learningRate) * Self.biasDelta(sumGradient: biasSums.g, sumHessian: biasSums.h))
            model.bias += biasStep
            if biasStep != 0 {
                Parallel.forEach(chunks.count, threads: threads) { chunk in
                    for row in chunks[chunk] where shared.value[row].h >= 0 {
                        shared.value[row].g += shared.value[row].h * biasStep
                    }
                }
            }
            for (feature, column) in columns.enumerated() {
                let sums = column.withUnsafeBufferPointer { values in
                    let values = Unchecked(values.baseAddress!)
                    return Parallel.map(chunks.count, threads: threads) { chunk in
                        var sum = GradientSum()
                        for row in chunks[chunk] {
                            let value = values.value[row], pair = shared.value[row]
                            guard !value.isNaN, pair.h >= 0 else { continue }
                            sum.g += Double(pair.g * value)
                            sum.h += Double(pair.h * value * value)
                        }
                        return sum
                    }
                }.reduce(GradientSum(), +)
                let delta = Self.weightDelta(sumGradient: sums.g, sumHessian: sums.h, weight: Double(model.weights[feature]),
                                             alpha: Double(alpha), lambda: Double(lambda))
                let step = Float(Double(learningRate) * delta)
                guard step != 0 else { continue }
                model.weights[feature] += step
                column.withUnsafeBufferPointer { values in
                    let values = Unchecked(values.baseAddress!)
                    Parallel.forEach(chunks.count, threads: threads) { chunk in
                        for row in chunks[chunk] {
                            let value = values.value[row]
                            guard !value.isNaN, shared.value[row].h >= 0 else { continue }
                            shared.value[row].g += shared.value[row].h * value * step
                        }
                    }
                }
            }
        }
    }
}
