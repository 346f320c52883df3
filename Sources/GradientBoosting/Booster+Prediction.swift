import Foundation

extension Booster {
    /// Predictions for feature columns in the model's feature order (NaN is missing):
    /// values for regression, probabilities of class 1 for binary classification.
    /// Margins add up in float32, tree by tree, exactly as XGBoost's predictor does.
    public func predict(columns: [[Double]], threads: Int = ProcessInfo.processInfo.activeProcessorCount) -> [Double] {
        let objective = objective
        return predictMargins(columns: columns, threads: threads).map { Double(objective.transform($0)) }
    }

    /// The margins (raw scores before the sigmoid) for feature columns in the model's order.
    public func predictMargins(columns: [[Double]], threads: Int = ProcessInfo.processInfo.activeProcessorCount) -> [Float] {
        let rowCount = columns.first?.count ?? 0
        var margins = [Float](repeating: baseMargin, count: rowCount)
        Self.walk(trees, columns: columns, margins: &margins, threads: threads)
        return margins
    }

    /// Adds one tree's values to `margins`, for the rows of `columns`.
    func addTree(_ tree: RegressionTree, to margins: inout [Float], columns: [[Double]], threads: Int) {
        Self.walk([tree], columns: columns, margins: &margins, threads: threads)
    }

    /// Rows per block: a block's features, row by row in float32, stay in the first-level cache.
    private static let blockRows = 128

    /// Adds the values of `trees` to `margins` block by block: each block's rows are
    /// copied row-major into float32 once, then every tree walks all of them, level by
    /// level, so the steps of different rows overlap.
    private static func walk(_ trees: [RegressionTree], columns: [[Double]], margins: inout [Float], threads: Int) {
        let rowCount = margins.count, featureCount = columns.count
        let blocks = Parallel.chunks(rowCount, size: blockRows)
        let compiled = trees.map(CompiledTree.init)
        margins.withUnsafeMutableBufferPointer { margins in
            let shared = Unchecked(margins.baseAddress!)
            Parallel.forEach(blocks.count, threads: threads) { index in
                let block = blocks[index]
                withUnsafeTemporaryAllocation(of: Float.self, capacity: block.count * featureCount) { values in
                    withUnsafeTemporaryAllocation(of: Int32.self, capacity: block.count) { positions in
                        for feature in 0..<featureCount {
                            columns[feature].withUnsafeBufferPointer { column in
                                for (offset, row) in block.enumerated() {
                                    values[offset &* featureCount &+ feature] = Float(column[row])
                                }
                            }
                        }
                        // Margins add up in tree order, as XGBoost's predictor adds them.
                        for tree in compiled {
                            tree.add(values: UnsafePointer(values.baseAddress!), featureCount: featureCount, count: block.count,
                                     positions: positions.baseAddress!, to: shared.value + block.lowerBound)
                        }
                    }
                }
            }
        }
    }
}
