import Basics

/// The state of one training run: binned data, margins, gradients and the trees so far.
struct TrainingSession {
    private let parameters: BoosterParameters
    private let threads: Int
    private let matrix: BinnedMatrix
    private let labels: [Float]
    private var margins: [Float]
    private var gradients: [GradientPair]
    private let validation: TrainingSet?
    private let validationLabels: [Float]
    private var validationMargins: [Float]
    private var generator: SeededGenerator
    /// Which rows each tree leaves out; nil without row subsampling.
    private var rowSampler: BalancedSampler?
    /// Which features each tree leaves out; nil without column subsampling.
    private var featureSampler: BalancedSampler?
    private let grower: TreeGrower
    private let partitioner: RowPartitioner
    private let trainingMetricEachRound: Bool
    /// The model so far.
    private(set) var model: Booster

    init(training: TrainingSet, featureNames: [String], validation: TrainingSet?, parameters: BoosterParameters,
         trainingMetricEachRound: Bool) {
        let threads = parameters.threadCount
        let mapper = BinMapper(fitting: training.columns, maxBin: parameters.maxBin, threads: threads, types: training.featureTypes)
        self.init(
            matrix: BinnedMatrix(columns: training.columns, mapper: mapper, threads: threads), mapper: mapper, labels: training.labels,
            featureTypes: training.featureTypes, featureNames: featureNames, validation: validation, parameters: parameters,
            trainingMetricEachRound: trainingMetricEachRound)
    }

    /// A session over rows already binned with `mapper` (`ml tune` bins once and trains each fold on a subset).
    init(matrix: BinnedMatrix, mapper: BinMapper, labels trainingLabels: [Double], featureTypes: [FeatureType], featureNames: [String],
         validation: TrainingSet?, parameters: BoosterParameters, trainingMetricEachRound: Bool) {
        self.parameters = parameters
        self.trainingMetricEachRound = trainingMetricEachRound
        threads = parameters.threadCount
        self.matrix = matrix
        labels = trainingLabels.map { Float($0) }
        let baseScore = parameters.baseScore ?? parameters.objective.defaultBaseScore(trainingLabels)
        model = Booster(objective: parameters.objective, baseScore: baseScore, trees: [], featureNames: featureNames, binMapper: mapper)
        model.featureTypes = featureTypes.contains(.categorical) ? featureTypes : []
        model.treesPerRound = parameters.numParallelTree
        margins = [Float](repeating: model.baseMargin, count: trainingLabels.count)
        gradients = [GradientPair](repeating: GradientPair(g: 0, h: 0), count: trainingLabels.count)
        self.validation = validation
        validationLabels = validation?.labels.map { Float($0) } ?? []
        validationMargins = [Float](repeating: model.baseMargin, count: validation?.rowCount ?? 0)
        generator = SeededGenerator(seed: parameters.seed)
        let (rowCount, featureCount) = (trainingLabels.count, matrix.featureCount)
        // At least one row and one feature per tree, however small the data.
        rowSampler = parameters.subsample < 1
            ? BalancedSampler(count: rowCount, keep: max(1, Int((parameters.subsample * Double(rowCount)).rounded())), generator: &generator)
            : nil
        featureSampler = parameters.colsampleByTree < 1
            ? BalancedSampler(count: featureCount, keep: max(1, Int(parameters.colsampleByTree * Double(featureCount))), generator: &generator)
            : nil
        let finder = SplitFinder(
            rules: Regularization(lambda: parameters.regLambda, alpha: parameters.regAlpha, minChildWeight: parameters.minChildWeight),
            gamma: parameters.gamma, mapper: mapper, maxCatToOnehot: parameters.maxCatToOnehot, maxCatThreshold: parameters.maxCatThreshold)
        partitioner = RowPartitioner(hasMissing: mapper.hasMissing, threads: threads)
        grower = TreeGrower(setup: .init(
            matrix: matrix, finder: finder, policy: parameters.growPolicy, maxDepth: parameters.maxDepth,
            maxLeaves: parameters.maxLeaves, learningRate: Self.treeLearningRate(parameters), threads: threads,
            pool: HistogramPool(featureCount: matrix.featureCount), nodeColumnShare: parameters.colsampleByNode))
    }

    /// The current model's predictions for the training rows.
    var trainingPredictions: [Double] {
        let objective = parameters.objective
        return margins.map { Double(objective.transform($0)) }
    }

    /// Each tree's learning rate: `learning_rate`, shared out among the round's trees
    /// (float32, as XGBoost divides it) so that a round of parallel trees is their average.
    static func treeLearningRate(_ parameters: BoosterParameters) -> Double {
        parameters.numParallelTree > 1 ? Double(Float(parameters.learningRate) / Float(parameters.numParallelTree)) : parameters.learningRate
    }

    /// Fits the round's trees (`num_parallel_tree`, each with its own samples) to the
    /// current gradients, adds them, and returns the round's metrics.
    mutating func boostOneRound(_ round: Int, elapsed: () -> Double) -> RoundRecord {
        if round == 0 { _ = computeGradients(withMetric: false) }
        var grown: [RegressionTree] = []
        for _ in 0..<max(parameters.numParallelTree, 1) {
            let (sample, leftOut) = sampleRows()
            let identity = sample == nil
            partitioner.reset(rows: sample, count: labels.count)
            let features = sampleFeatures()
            // Drawn only when splits sample features, so that other models keep their seeds' streams.
            let nodeSeed = parameters.colsampleByNode < 1 ? generator.next() : 0
            let tree = gradients.withUnsafeBufferPointer { gradients in
                grower.grow(gradients: gradients.baseAddress!, partitioner: partitioner, identity: identity, features: features,
                            nodeSeed: nodeSeed)
            }
            // The sampled rows sit in the leaves' ranges; only the rows left out walk the tree.
            addLeafValues(tree, partitioner)
            if !leftOut.isEmpty { addTreeOnBins(tree, rows: leftOut) }
            grown.append(tree)
        }
        model.trees += grown
        let objective = parameters.objective
        // The next round's gradients and this round's training metric in one pass.
        let train = computeGradients(withMetric: trainingMetricEachRound)
        var valid: Double?
        if let validation {
            for tree in grown { model.addTree(tree, to: &validationMargins, columns: validation.columns, threads: threads) }
            valid = objective.metric(labels: validationLabels, margins: validationMargins, threads: threads)
        }
        return RoundRecord(round: round, plannedRounds: parameters.nEstimators, train: train, valid: valid, elapsed: elapsed())
    }

    /// Writes the gradients of the current margins and, `withMetric`, returns their
    /// training metric (losses summed per fixed chunk, then in chunk order).
    private mutating func computeGradients(withMetric: Bool) -> Double? {
        let chunks = Parallel.chunks(labels.count, size: 1 << 16)
        let objective = parameters.objective
        let sums = labels.withUnsafeBufferPointer { labels in
            margins.withUnsafeBufferPointer { margins in
                gradients.withUnsafeMutableBufferPointer { out in
                    let shared = Unchecked((labels.baseAddress!, margins.baseAddress!, out.baseAddress!))
                    return Parallel.map(chunks.count, threads: threads) { chunk in
                        let (labels, margins, out) = shared.value
                        return objective.gradients(labels: labels, margins: margins, into: out, rows: chunks[chunk], withLoss: withMetric)
                    }
                }
            }
        }
        return withMetric ? objective.metric(lossSum: sums.reduce(0, +), count: labels.count) : nil
    }

    /// The rows of this round's tree (nil for all of them, or `subsample` of them) and
    /// the rows it leaves out, both in order.
    private mutating func sampleRows() -> (rows: [UInt32]?, leftOut: [UInt32]) {
        guard var sampler = rowSampler else { return (nil, []) }
        let out = sampler.nextLeftOut(generator: &generator)
        rowSampler = sampler
        var rows: [UInt32] = [], leftOut: [UInt32] = []
        rows.reserveCapacity(sampler.keep)
        leftOut.reserveCapacity(sampler.count - sampler.keep)
        for row in out.indices {
            if out[row] { leftOut.append(UInt32(row)) } else { rows.append(UInt32(row)) }
        }
        return (rows, leftOut)
    }

    /// The features of this round's tree: all, or `colsample_bytree` of them, in order.
    private mutating func sampleFeatures() -> [Int] {
        guard var sampler = featureSampler else { return Array(0..<matrix.featureCount) }
        let out = sampler.nextLeftOut(generator: &generator)
        featureSampler = sampler
        return out.indices.filter { !out[$0] }
    }

    /// Adds each leaf's value to the margins of the rows the partitioner put in it;
    /// for a last split whose children were not partitioned, each of the parent's rows
    /// gets the value of the side its bin sends it to.
    private mutating func addLeafValues(_ tree: RegressionTree, _ partitioner: RowPartitioner) {
        let nodes = tree.nodes
        let items = nodes.indices.filter { id in
            partitioner.hasRange(id) && (nodes[id].isLeaf || !partitioner.hasRange(Int(nodes[id].left)))
        }
        let rowCount = matrix.rowCount, hasMissing = grower.setup.finder.mapper.hasMissing, categoryBits = tree.categoryBits
        margins.withUnsafeMutableBufferPointer { margins in
            partitioner.withUnsafeBufferPointerOfPartition { rows in
                matrix.columns.withUnsafeBufferPointer { bins in
                    let shared = Unchecked((margins.baseAddress!, rows, bins.baseAddress!))
                    Parallel.forEach(items.count, threads: threads) { index in
                        let (margins, rows, bins) = shared.value
                        let node = nodes[items[index]], positions = partitioner.positions(of: items[index])
                        guard !node.isLeaf else {
                            for position in positions { margins[Int(rows[position])] += node.condition }
                            return
                        }
                        let column = bins + Int(node.feature) * rowCount, missing = hasMissing[Int(node.feature)]
                        if let set = categoryBits?[items[index]], node.isCategorical {
                            let (left, right) = (nodes[Int(node.left)].condition, nodes[Int(node.right)].condition)
                            for position in positions {
                                let row = Int(rows[position]), bin = Int(column[row])
                                let isLeft = missing && bin == Int(BinMapper.missingBin) ? node.defaultLeft : !set.contains(bin)
                                margins[row] += isLeft ? left : right
                            }
                            return
                        }
                        // The two leaf values indexed by "goes left", so that no branch depends on the data.
                        let values = SIMD2<Float>(nodes[Int(node.right)].condition, nodes[Int(node.left)].condition)
                        let defaultLeft = unsafeBitCast(node.defaultLeft, to: UInt8.self)
                        let missingByte: Int = missing ? Int(BinMapper.missingBin) : -1, splitBin = Int(node.splitBin)
                        for position in positions {
                            let row = Int(rows[position]), bin = Int(column[row])
                            let isMissing = unsafeBitCast(bin == missingByte, to: UInt8.self)
                            let below = unsafeBitCast(bin <= splitBin, to: UInt8.self)
                            margins[row] += values[Int((isMissing & defaultLeft) | ((isMissing ^ 1) & below))]
                        }
                    }
                }
            }
        }
    }

    /// Adds the tree's value to the margins of `rows`, walking the tree on bins: the
    /// rows the sample left out, which are in no leaf's range.
    private mutating func addTreeOnBins(_ tree: RegressionTree, rows: [UInt32]) {
        let chunks = Parallel.chunks(rows.count, size: 1 << 15)
        let rowCount = matrix.rowCount, hasMissing = grower.setup.finder.mapper.hasMissing, categoryBits = tree.categoryBits
        margins.withUnsafeMutableBufferPointer { margins in
            matrix.columns.withUnsafeBufferPointer { bins in
                tree.nodes.withUnsafeBufferPointer { nodes in
                    let shared = Unchecked((margins.baseAddress!, bins.baseAddress!, nodes))
                    Parallel.forEach(chunks.count, threads: threads) { chunk in
                        let (margins, bins, nodes) = shared.value
                        for index in chunks[chunk] {
                            let row = Int(rows[index])
                            var id = 0
                            while !nodes[id].isLeaf {
                                let node = nodes[id]
                                let bin = bins[Int(node.feature) * rowCount + row]
                                let left = BinnedMatrix.isMissing(bin, hasMissing: hasMissing[Int(node.feature)])
                                    ? node.defaultLeft
                                    : node.isCategorical ? !(categoryBits?[id].contains(Int(bin)) ?? false) : Int(bin) <= Int(node.splitBin)
                                id = Int(left ? node.left : node.right)
                            }
                            margins[row] += nodes[id].condition
                        }
                    }
                }
            }
        }
    }
}
