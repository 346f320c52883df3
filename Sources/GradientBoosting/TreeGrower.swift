import Basics

/// Grows one tree on binned data, composing the histogram builder, the split
/// finder, the row partitioner and the expand queue the way XGBoost's UpdateTree does.
struct TreeGrower {
    /// What the grower needs besides the gradients.
    struct Setup {
        /// The binned training data.
        var matrix: BinnedMatrix
        /// Split evaluation (regularisation, gamma, cuts).
        var finder: SplitFinder
        /// Level-wise or best-first.
        var policy: BoosterParameters.GrowPolicy
        /// Deepest level (0: none).
        var maxDepth: Int
        /// Most leaves (0: none).
        var maxLeaves: Int
        /// Shrinkage of leaf values.
        var learningRate: Double
        /// Threads to use.
        var threads: Int
        /// Histograms for reuse, across the trees of a training run.
        var pool: HistogramPool
        /// The share of the tree's features each node's split may use (`colsample_bynode`).
        var nodeColumnShare = 1.0
    }

    let setup: Setup

    /// A tree fitted to `gradients` on the rows of `partitioner`'s root (all rows in
    /// order when `identity`), using only `features`. The partitioner then holds the
    /// rows of each leaf, so the caller can update predictions leaf by leaf. With
    /// `nodeColumnShare` < 1 each node draws its share of `features` from `nodeSeed`.
    func grow(
        gradients: UnsafePointer<GradientPair>, partitioner: RowPartitioner, identity: Bool, features: [Int], nodeSeed: UInt64 = 0
    ) -> RegressionTree {
        var state = GrowthState(setup: setup, partitioner: partitioner, features: features)
        state.nodeSeed = nodeSeed
        let builder = HistogramBuilder(matrix: setup.matrix, threads: setup.threads, pool: setup.pool)
        let root = state.partitioner.positions(of: 0)
        let total = Self.sum(gradients, rows: partitioner.rows, identity: identity, threads: setup.threads)
        state.addRoot(total: total)
        state.partitioner.withUnsafeBufferPointerOfPartition { rowPointer in
            builder.build([.init(positions: root, histogram: state.histogram(for: 0))], features: features,
                          rows: rowPointer, identity: identity, gradients: gradients)
        }
        state.evaluate([0], depth: 0)
        while true {
            let batch = state.queue.pop()
            guard !batch.isEmpty else { break }
            let childDepth = batch[0].depth + 1
            // Children at the depth limit are never split: their rows need not be
            // partitioned (predictions are updated from the parent's rows) and they
            // need no histograms.
            let final = setup.maxDepth > 0 && childDepth >= setup.maxDepth
            let splits = state.apply(batch, partition: !final)
            guard !splits.isEmpty else { continue }
            if final {
                for split in splits { state.release(split.parent) }
                continue
            }
            // Children whose hessian sums rule out any split need no histograms (a
            // pair with one such child still needs both: one derives the other's).
            var growing: [GrowthState.AppliedSplit] = []
            for split in splits {
                if state.mayHaveSplit(split.left) || state.mayHaveSplit(split.right) { growing.append(split) } else { state.release(split.parent) }
            }
            guard !growing.isEmpty else { continue }
            if setup.threads > 1 {
                // All of the level's histograms in one parallel pass, then all of its scans.
                buildChildren(growing, state: &state, builder: builder, features: features, gradients: gradients)
                state.evaluate(growing.flatMap { [$0.left, $0.right] }, depth: childDepth)
            } else {
                // One pair of children at a time, in the same order: their histograms are
                // still in the first-level cache when the scan reads them.
                for split in growing {
                    let smaller = HistogramBuilder.Job(
                        positions: state.partitioner.positions(of: split.smaller), histogram: state.histogram(for: split.smaller))
                    if smaller.positions.count <= HistogramBuilder.blockSize {
                        state.partitioner.withUnsafeBufferPointerOfPartition { rowPointer in
                            builder.buildSmall(smaller, features: features, rows: rowPointer, gradients: gradients)
                        }
                        state.deriveAndEvaluate(split, depth: childDepth)
                    } else {
                        buildChildren([split], state: &state, builder: builder, features: features, gradients: gradients)
                        state.evaluate(left: split.left, right: split.right, depth: childDepth)
                    }
                }
            }
        }
        return state.finish()
    }

    /// Builds the histograms of the smaller children of `splits` and derives the larger ones'.
    private func buildChildren(
        _ splits: [GrowthState.AppliedSplit], state: inout GrowthState, builder: HistogramBuilder, features: [Int],
        gradients: UnsafePointer<GradientPair>
    ) {
        let jobs = splits.map { split in
            HistogramBuilder.Job(positions: state.partitioner.positions(of: split.smaller), histogram: state.histogram(for: split.smaller))
        }
        state.partitioner.withUnsafeBufferPointerOfPartition { rowPointer in
            builder.build(jobs, features: features, rows: rowPointer, identity: false, gradients: gradients)
        }
        for split in splits { state.deriveLarger(split) }
    }

    /// The gradient sums of `rows`, added in fixed chunks then in chunk order.
    static func sum(_ gradients: UnsafePointer<GradientPair>, rows: [UInt32], identity: Bool, threads: Int) -> GradientSum {
        let chunks = Parallel.chunks(rows.count, size: 1 << 16)
        let shared = Unchecked(gradients)
        let partial = rows.withUnsafeBufferPointer { rows in
            let rows = Unchecked(rows)
            return Parallel.map(chunks.count, threads: threads) { chunk in
                var sum = GradientSum()
                for position in chunks[chunk] {
                    let pair = shared.value[identity ? position : Int(rows.value[position])]
                    sum.g += Double(pair.g)
                    sum.h += Double(pair.h)
                }
                return sum
            }
        }
        return partial.reduce(GradientSum(), +)
    }
}

extension RowPartitioner {
    /// Calls `body` with the partitioner's row array.
    func withUnsafeBufferPointerOfPartition<R>(_ body: (UnsafePointer<UInt32>) -> R) -> R {
        rows.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
