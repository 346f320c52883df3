import Basics
import Foundation

extension Booster {
    /// Predictions for feature columns in the model's feature order (NaN, ±infinity and
    /// values beyond float32 are missing):
    /// values for regression, probabilities of class 1 for binary classification.
    /// Margins add up in float32, tree by tree, exactly as XGBoost's predictor does.
    package func predict(columns: [[Double]], threads: Int = ProcessInfo.processInfo.activeProcessorCount) -> [Double] {
        let objective = objective
        return predictMargins(columns: columns, threads: threads).map { Double(objective.transform($0)) }
    }

    /// The margins (raw scores before the sigmoid) for feature columns in the model's order.
    package func predictMargins(columns: [[Double]], threads: Int = ProcessInfo.processInfo.activeProcessorCount) -> [Float] {
        if let linear { return linear.margins(columns: columns, base: baseMargin, threads: threads) }
        let rowCount = columns.first?.count ?? 0
        var margins = [Float](repeating: baseMargin, count: rowCount)
        Self.walk(trees, columns: columns, margins: &margins, threads: threads)
        return margins
    }

    /// Adds one tree's values to `margins`, for the rows of `columns`.
    func addTree(_ tree: RegressionTree, to margins: inout [Float], columns: [[Double]], threads: Int) {
        Self.walk([tree], columns: columns, margins: &margins, threads: threads)
    }

    /// Rows per block: a block's value slots (two float32 per feature) stay in the first-level cache.
    private static let blockRows = 128

    /// Adds the values of `trees` to `margins` block by block: each block's rows are
    /// copied row-major into float32 once, then every tree walks all of them, level by
    /// level, so the steps of different rows overlap.
    private static func walk(_ trees: [RegressionTree], columns: [[Double]], margins: inout [Float], threads: Int) {
        let rowCount = margins.count, featureCount = columns.count, stride = 2 * featureCount
        let blocks = Parallel.chunks(rowCount, size: blockRows)
        let compiled = trees.map { CompiledTree($0) }
        margins.withUnsafeMutableBufferPointer { margins in
            let shared = Unchecked(margins.baseAddress!)
            Parallel.forEach(blocks.count, threads: threads) { index in
                let block = blocks[index]
                withUnsafeTemporaryAllocation(of: Float.self, capacity: block.count * stride) { values in
                    withUnsafeTemporaryAllocation(of: Int32.self, capacity: block.count) { positions in
                        for feature in 0..<featureCount {
                            columns[feature].withUnsafeBufferPointer { column in
                                for (offset, row) in block.enumerated() {
                                    CompiledTree.fill(values.baseAddress! + offset &* stride, feature: feature, value: Float(column[row]))
                                }
                            }
                        }
                        // Margins add up in tree order, as XGBoost's predictor adds them.
                        // By index: a compiled tree's source is not copied (no reference counting per block).
                        for (index, fast) in compiled.enumerated() {
                            if let fast {
                                fast.add(slots: UnsafePointer(values.baseAddress!), stride: stride, count: block.count,
                                         positions: positions.baseAddress!, to: shared.value + block.lowerBound)
                            } else {
                                for offset in 0..<block.count {
                                    // The -infinity slot holds the value, or -infinity where it is missing.
                                    let row = values.baseAddress! + offset &* stride
                                    shared.value[block.lowerBound &+ offset] += trees[index].leafValue { feature in
                                        let x = row[2 &* feature]
                                        return x == -.infinity && row[2 &* feature &+ 1] == .infinity ? .nan : Double(x)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
