import Basics

/// The tree being grown and everything kept between its levels: nodes, row
/// ranges, the histograms of nodes that may still be split, and the queue.
struct GrowthState {
    /// A node just split: its children, and which one has fewer rows (built directly).
    struct AppliedSplit {
        var parent: Int
        var left: Int
        var right: Int
        var smaller: Int
        var larger: Int
    }

    let setup: TreeGrower.Setup
    let features: [Int]
    var nodes: [RegressionTree.Node] = []
    /// The right-going categories of the categorical splits so far, by node id.
    var categories: [Int32: [Int32]] = [:]
    /// The gradient sums of each node, by id.
    var totals: [GradientSum] = []
    let partitioner: RowPartitioner
    var queue: ExpandQueue
    /// The histograms of nodes that may still be split or derive a sibling's, by node
    /// id (small and dense, so an array, not a dictionary).
    private var histograms: [Histogram?] = []
    private var leaves = 1
    /// The seed of the features each node draws (`colsample_bynode`).
    var nodeSeed: UInt64 = 0

    init(setup: TreeGrower.Setup, partitioner: RowPartitioner, features: [Int]) {
        self.setup = setup
        self.features = features
        self.partitioner = partitioner
        queue = ExpandQueue(policy: setup.policy)
    }

    /// Adds the root with its sums.
    mutating func addRoot(total: GradientSum) {
        nodes = [node(total: total, parent: -1)]
        totals = [total]
    }

    /// The histogram of `node`, allocated (or recycled) on first use.
    mutating func histogram(for node: Int) -> Histogram {
        if let existing = storedHistogram(node) { return existing }
        let histogram = setup.pool.take()
        store(histogram, for: node)
        return histogram
    }

    /// Makes `histogram` that of `node`.
    private mutating func store(_ histogram: Histogram, for node: Int) {
        if histograms.count <= node { histograms.append(contentsOf: repeatElement(nil, count: node + 1 - histograms.count)) }
        histograms[node] = histogram
    }

    /// Finds the best split of each of `ids` (in parallel) and queues those worth making.
    mutating func evaluate(_ ids: [Int], depth: Int) {
        if setup.maxDepth > 0 && depth >= setup.maxDepth { return }
        let state = self
        let candidates = Parallel.map(ids.count, threads: setup.threads) { index in state.bestSplit(of: ids[index]) }
        for (id, candidate) in zip(ids, candidates) { enqueue(candidate, node: id, depth: depth) }
    }

    /// `evaluate([left, right], depth:)` on this thread, without the arrays.
    mutating func evaluate(left: Int, right: Int, depth: Int) {
        if setup.maxDepth > 0 && depth >= setup.maxDepth { return }
        let (leftSplit, rightSplit) = (bestSplit(of: left), bestSplit(of: right))
        enqueue(leftSplit, node: left, depth: depth)
        enqueue(rightSplit, node: right, depth: depth)
    }

    /// `deriveLarger(split)` then `evaluate(left:right:depth:)`, done feature by
    /// feature (see `SplitFinder.bestOfChildren`): the same histograms and splits.
    mutating func deriveAndEvaluate(_ split: AppliedSplit, depth: Int) {
        guard setup.maxDepth == 0 || depth < setup.maxDepth,
              let parent = storedHistogram(split.parent), let smaller = storedHistogram(split.smaller) else {
            deriveLarger(split)
            return evaluate(left: split.left, right: split.right, depth: depth)
        }
        func child(_ node: Int) -> SplitFinder.Child {
            .init(total: totals[node], features: Self.nodeFeatures(features, share: setup.nodeColumnShare, seed: nodeSeed, node: node),
                  histogram: node == split.smaller ? smaller : parent)
        }
        let best = setup.finder.bestOfChildren(child(split.left), child(split.right), parent: parent, smaller: smaller, features: features)
        handOver(parent, of: split)
        enqueue(best.left, node: split.left, depth: depth)
        enqueue(best.right, node: split.right, depth: depth)
    }

    /// The best split of `node` over the features it draws, or nil (also when it has no histogram).
    private func bestSplit(of node: Int) -> SplitCandidate? {
        guard let histogram = storedHistogram(node) else { return nil }
        let candidates = Self.nodeFeatures(features, share: setup.nodeColumnShare, seed: nodeSeed, node: node)
        return setup.finder.best(total: totals[node], histogram: histogram, features: candidates)
    }

    /// Queues `node` with its split, or frees its histogram when it has none.
    private mutating func enqueue(_ candidate: SplitCandidate?, node: Int, depth: Int) {
        if let candidate { queue.push(node: node, depth: depth, split: candidate) } else { release(node) }
    }

    /// Splits the nodes of `entries` (as far as the leaf limit allows) and, with
    /// `partition`, their rows, all nodes in one pass; without it the children get no
    /// row ranges of their own.
    mutating func apply(_ entries: [ExpandQueue.Entry], partition: Bool) -> [AppliedSplit] {
        var requests: [RowPartitioner.Request] = []
        var applied: [AppliedSplit] = []
        for entry in entries {
            guard let split = apply(entry) else { continue }
            applied.append(split)
            requests.append(.init(node: split.parent, split: entry.split, left: split.left, right: split.right))
        }
        guard partition, !requests.isEmpty else { return applied }
        partitioner.split(requests, matrix: setup.matrix)
        return applied.map { split in
            var split = split
            let leftSmaller = partitioner.positions(of: split.left).count <= partitioner.positions(of: split.right).count
            (split.smaller, split.larger) = leftSmaller ? (split.left, split.right) : (split.right, split.left)
            return split
        }
    }

    /// Splits the node of `entry` unless the leaf limit forbids it; nil when it stays a leaf.
    private mutating func apply(_ entry: ExpandQueue.Entry) -> AppliedSplit? {
        guard setup.maxLeaves == 0 || leaves < setup.maxLeaves else {
            release(entry.node)
            return nil
        }
        let split = entry.split
        let (left, right) = (nodes.count, nodes.count + 1)
        nodes[entry.node].left = Int32(left)
        nodes[entry.node].right = Int32(right)
        nodes[entry.node].feature = Int32(split.feature)
        nodes[entry.node].condition = split.threshold
        nodes[entry.node].defaultLeft = split.defaultLeft
        nodes[entry.node].lossChange = split.lossChange
        nodes[entry.node].splitBin = Int16(split.splitBin)
        if let set = split.rightCategories {
            nodes[entry.node].isCategorical = true
            categories[Int32(entry.node)] = set.codes
        }
        nodes.append(node(total: split.left, parent: entry.node))
        nodes.append(node(total: split.right, parent: entry.node))
        totals.append(split.left)
        totals.append(split.right)
        leaves += 1
        return AppliedSplit(parent: entry.node, left: left, right: right, smaller: left, larger: right)
    }

    /// Whether `node`'s hessian sum leaves room for a split (see `SplitFinder.mayHaveSplit`).
    func mayHaveSplit(_ node: Int) -> Bool { setup.finder.mayHaveSplit(totals[node]) }

    /// The larger child's histogram as the parent's minus the smaller's, made from the
    /// parent's in place (the parent needs it no more).
    mutating func deriveLarger(_ split: AppliedSplit) {
        guard let parent = storedHistogram(split.parent), let smaller = storedHistogram(split.smaller) else { return }
        parent.subtract(smaller, features: features)
        handOver(parent, of: split)
    }

    /// Makes `parent`, the histogram of `split`'s parent now holding the larger child's
    /// sums, that child's.
    private mutating func handOver(_ parent: Histogram, of split: AppliedSplit) {
        histograms[split.parent] = nil
        store(parent, for: split.larger)
    }

    /// The finished tree: leaves take their weight times the learning rate.
    mutating func finish() -> RegressionTree {
        for id in nodes.indices where nodes[id].isLeaf {
            nodes[id].condition = Float(Double(nodes[id].baseWeight) * setup.learningRate)
        }
        return RegressionTree(nodes: nodes, categories: categories)
    }

    /// Frees the histogram of `node` for reuse.
    mutating func release(_ node: Int) {
        guard let histogram = storedHistogram(node) else { return }
        histograms[node] = nil
        setup.pool.give(histogram)
    }

    /// The histogram `node` holds, if any.
    private func storedHistogram(_ node: Int) -> Histogram? { node < histograms.count ? histograms[node] : nil }

    private func node(total: GradientSum, parent: Int) -> RegressionTree.Node {
        var node = RegressionTree.Node()
        node.parent = Int32(parent)
        node.baseWeight = Float(setup.finder.rules.weight(total))
        node.sumHessian = Float(total.h)
        return node
    }
}
