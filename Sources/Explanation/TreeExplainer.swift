// Explanation: SHAP values of tree models by the exact, path-dependent TreeSHAP
// algorithm (Lundberg, Erion and Lee 2018, Algorithm 2), the one XGBoost runs for
// `pred_contribs=True`, with the same conventions: covers (hessian sums) weigh the
// branches a feature's absence averages over, missing values follow the split's
// default direction, categorical splits test set membership, and each row's values
// plus the bias add up to its margin.
//
// What this module must not know: files, tables, preprocessors, pipelines, the
// command line and printing. It takes a `Booster` and feature columns in the
// model's order, and returns numbers.
import Basics
import Foundation
import GradientBoosting
import Synchronization

/// Computes SHAP values for a tree model; built once per model, used for any number of rows.
package struct TreeExplainer: Sendable {
    /// The model's feature names.
    package let featureNames: [String]
    /// The trees, prepared.
    let trees: [ShapTree]
    /// Every row's bias: the base margin plus each tree's expected value, added in
    /// XGBoost's order (trees first, the base margin last).
    package let expectedValue: Float

    /// An explainer for `model`; throws when the model has no trees (a linear model, or
    /// none trained) or a split without a cover.
    package init(_ model: Booster) throws {
        guard !model.trees.isEmpty else {
            throw Diagnostic.failure(
                "the model has no trees, and TreeSHAP explains tree models only",
                hint: "explain a model of gradient-boosted trees (booster gbtree), as 'sluice ml train' writes by default")
        }
        trees = try model.trees.enumerated().map { try ShapTree($1, index: $0) }
        featureNames = model.featureNames
        var bias: Float = 0
        for tree in trees { bias += tree.expectedValue }
        expectedValue = bias + model.baseMargin
    }

    /// Rows per block: a block's float32 values stay in the first-level cache while
    /// each tree, in model order, walks all of them.
    static let blockRows = 64

    /// SHAP values for the rows of `columns` (one array per feature, in the model's
    /// order; NaN, ±infinity and values beyond float32 are missing), on up to
    /// `threads` threads, by `method`. The values do not depend on the thread count.
    package func shapValues(columns: [[Double]], threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                            method: ShapMethod = .automatic) -> ShapValues {
        let featureCount = featureNames.count
        let rowCount = columns.first?.count ?? 0
        let width = featureCount + 1
        var values = [Float](repeating: 0, count: rowCount * width)
        guard rowCount > 0, columns.count == featureCount else {
            return ShapValues(featureNames: featureNames, rowCount: columns.count == featureCount ? rowCount : 0,
                              values: columns.count == featureCount ? values : [])
        }
        let blocks = Parallel.chunks(rowCount, size: Self.blockRows)
        let workers = max(1, min(threads, blocks.count))
        let pathCapacity = trees.map(\.pathCapacity).max() ?? 1
        let nodeCapacity = trees.map(\.nodes.count).max() ?? 1
        // The tables' padding adds its zeros to one slot past the features.
        let tables = method.tables(for: trees, rowCount: rowCount, threads: threads, padding: Int32(featureCount))
        let next = BlockCounter()
        values.withUnsafeMutableBufferPointer { output in
            let output = Unchecked(output.baseAddress!)
            Parallel.forEach(workers, threads: workers) { _ in
                // One set of scratch buffers per worker, reused for every block it takes.
                withUnsafeTemporaryAllocation(of: Float.self, capacity: Self.blockRows * featureCount) { rows in
                    withUnsafeTemporaryAllocation(of: Float.self, capacity: featureCount + 1) { phi in
                        withUnsafeTemporaryAllocation(of: PathElement.self, capacity: pathCapacity) { path in
                          withUnsafeTemporaryAllocation(of: UInt32.self, capacity: nodeCapacity) { masks in
                            let rows = rows.baseAddress!, phi = phi.baseAddress!, path = path.baseAddress!
                            let scratch = Scratch(rows: rows, phi: phi, path: path, masks: masks.baseAddress!)
                            path.initialize(repeating: PathElement(feature: -1, zeroFraction: 0, oneFraction: 0, permutationWeight: 0), count: pathCapacity)
                            phi.initialize(repeating: 0, count: featureCount + 1)
                            while true {
                                let index = next.take()
                                guard index < blocks.count else { return }
                                explain(blocks[index], columns: columns, tables: tables, scratch: scratch, into: output.value)
                            }
                          }
                        }
                    }
                }
            }
        }
        return ShapValues(featureNames: featureNames, rowCount: rowCount, values: values)
    }

    /// One worker's scratch buffers.
    private struct Scratch {
        /// The block's rows, row-major float32.
        let rows: UnsafeMutablePointer<Float>
        /// One tree's contributions to one row, by feature, and the tables' padding slot.
        let phi: UnsafeMutablePointer<Float>
        /// The walk's unique paths.
        let path: UnsafeMutablePointer<PathElement>
        /// The leaf tables' masks, by node.
        let masks: UnsafeMutablePointer<UInt32>
    }

    /// Writes the values of the rows of `block` into `output` (row-major, the bias
    /// last), each tree by its table when it has one, else by the walk.
    private func explain(
        _ block: Range<Int>, columns: [[Double]], tables: [LeafTables?], scratch: Scratch, into output: UnsafeMutablePointer<Float>
    ) {
        let featureCount = featureNames.count, width = featureCount + 1
        let rows = scratch.rows, phi = scratch.phi
        // Row-major float32, as XGBoost's feature vector holds a row.
        for feature in 0..<featureCount {
            columns[feature].withUnsafeBufferPointer { column in
                for (offset, row) in block.enumerated() { rows[offset &* featureCount &+ feature] = Float(column[row]) }
            }
        }
        for (tree, table) in zip(trees, tables) {
            tree.nodes.withUnsafeBufferPointer { nodes in
                tree.categories.withUnsafeBufferPointer { categories in
                    tree.features.withUnsafeBufferPointer { used in
                        guard let categories = categories.baseAddress, let nodes = nodes.baseAddress else { return }
                        let explainRows = { (view: LeafTables.View?) in
                            for offset in 0..<block.count {
                                for feature in used { phi[Int(feature)] = 0 }
                                let walk = ShapWalk(nodes: nodes, categories: categories,
                                                    row: rows + offset &* featureCount, phi: phi)
                                if let view {
                                    view.addContributions(walk, masks: scratch.masks)
                                } else {
                                    walk.walk(0, depth: 0, parentPath: scratch.path, zero: 1, one: 1, feature: -1)
                                }
                                // Per tree, then into the row: the order of XGBoost's sums.
                                let out = output + (block.lowerBound &+ offset) &* width
                                for feature in used { out[Int(feature)] += phi[Int(feature)] }
                            }
                        }
                        if let table { table.withView(explainRows) } else { explainRows(nil) }
                    }
                }
            }
        }
        for offset in 0..<block.count { output[(block.lowerBound &+ offset) &* width &+ featureCount] = expectedValue }
    }
}

/// The next block a worker of `TreeExplainer.shapValues` takes.
private final class BlockCounter: Sendable {
    private let value = Atomic<Int>(0)

    /// The next index, each exactly once across workers.
    func take() -> Int { value.add(1, ordering: .relaxed).oldValue }
}
