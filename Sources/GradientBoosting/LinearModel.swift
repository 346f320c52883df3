import Basics

/// A linear model as XGBoost's `gblinear` holds it: one float32 weight per feature
/// and a bias, added to the base margin. A missing feature value adds nothing (it is
/// absent from XGBoost's sparse rows, as if it were 0).
package struct LinearModel: Sendable, Equatable {
    /// One weight per feature, in the model's feature order.
    package var weights: [Float]
    /// The bias, added to the base margin.
    package var bias: Float
    /// The boosting rounds that produced the weights (XGBoost's `boosted_rounds`).
    package var rounds: Int

    /// A model from its parts.
    package init(weights: [Float], bias: Float, rounds: Int) {
        self.weights = weights
        self.bias = bias
        self.rounds = rounds
    }

    /// Rows per block of prediction.
    private static let blockRows = 4096

    /// Margins of the rows of `columns` (one per feature, NaN, ±infinity and values
    /// beyond float32 missing): `base + bias`, then each present value times its
    /// weight, added in float32 in feature order, as XGBoost's linear predictor adds them.
    package func margins(columns: [[Double]], base: Float, threads: Int) -> [Float] {
        let rowCount = columns.first?.count ?? 0
        var margins = [Float](repeating: bias + base, count: rowCount)
        let blocks = Parallel.chunks(rowCount, size: Self.blockRows)
        let weights = weights
        margins.withUnsafeMutableBufferPointer { out in
            let shared = Unchecked(out.baseAddress!)
            Parallel.forEach(blocks.count, threads: threads) { index in
                // Feature by feature within a block keeps each row's additions in feature order.
                for (feature, column) in columns.enumerated() where feature < weights.count {
                    let weight = weights[feature]
                    for row in blocks[index] {
                        let value = Float(column[row])
                        if value.isFinite { shared.value[row] += value * weight }
                    }
                }
            }
        }
        return margins
    }
}
