import Basics
import GradientBoosting
import Testing

/// Batch prediction agrees with walking each tree node by node, for every kind of value.
@Suite struct PredictionTests {
    @Test func batchPredictionMatchesTheNodeByNodeWalk() throws {
        var parameters = BoosterParameters()
        (parameters.nEstimators, parameters.maxDepth, parameters.growPolicy, parameters.maxLeaves) = (8, 0, .lossguide, 9)
        let training = TrainingBehaviourTests.data(rows: 600, seed: 21)
        let model = try Booster.train(training, featureNames: TrainingBehaviourTests.names, parameters: parameters)
        // Probe values: the thresholds themselves (strict `<` sends them right), NaN,
        // infinities and the training rows.
        let thresholds = model.trees.flatMap { $0.nodes.filter { !$0.isLeaf }.map { Double($0.condition) } }
        var columns = training.columns
        for feature in columns.indices {
            columns[feature] += thresholds + [.nan, .infinity, -.infinity, -0.0, 0]
        }
        let rows = columns[0].count
        for feature in columns.indices {
            var generator = SeededGenerator(seed: UInt64(feature))
            generator.shuffle(&columns[feature])
        }
        let batch = model.predictMargins(columns: columns, threads: 2)
        for row in 0..<rows {
            var margin = model.baseMargin
            for tree in model.trees { margin += tree.leafValue { columns[$0][row] } }
            #expect(batch[row] == margin, "row \(row)")
        }
    }

    /// A chain of splits `x < 1`, `x < 2`, … deeper than the complete layout holds.
    @Test(arguments: [3, 12])
    func chainTreesOfAnyDepth(_ depth: Int) {
        var nodes: [RegressionTree.Node] = []
        for level in 0..<depth {
            let id = Int32(nodes.count)
            var split = RegressionTree.Node()
            (split.left, split.right, split.parent) = (id + 1, id + 2, level == 0 ? -1 : id - 2)
            (split.condition, split.defaultLeft) = (Float(level + 1), level % 2 == 0)
            var leaf = RegressionTree.Node()
            (leaf.parent, leaf.condition) = (id, Float(level) * 10)
            nodes += [split, leaf]
            if level == depth - 1 {
                var last = RegressionTree.Node()
                (last.parent, last.condition) = (id, 1000)
                nodes.append(last)
            }
        }
        // Children of split `id` are `id + 1` (leaf) and `id + 2` (the next split).
        let tree = RegressionTree(nodes: nodes)
        #expect(tree.depth == depth)
        let model = Booster(objective: .squaredError, baseScore: 0, trees: [tree], featureNames: ["x"])
        let xs: [Double] = (0...(depth + 1)).map { Double($0) + 0.5 } + [.nan, -1, Double(depth) + 5]
        let expected = xs.map { x in tree.leafValue { _ in x } }
        #expect(model.predictMargins(columns: [xs], threads: 1) == expected)
    }

    /// A tree that is one leaf (what a round with no useful split grows) adds its value to every row.
    @Test func singleLeafTreesAddTheirValue() {
        var leaf = RegressionTree.Node()
        leaf.condition = 0.25
        let model = Booster(objective: .squaredError, baseScore: 1, trees: [RegressionTree(nodes: [leaf])], featureNames: ["x"])
        let xs: [Double] = (0..<19).map { $0 % 3 == 0 ? .nan : Double($0) }
        #expect(model.predictMargins(columns: [xs], threads: 2) == [Float](repeating: 1.25, count: xs.count))
    }
}
