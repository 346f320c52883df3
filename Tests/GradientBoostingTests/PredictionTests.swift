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
}
