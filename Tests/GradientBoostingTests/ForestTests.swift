import Basics
import Foundation
@testable import GradientBoosting
import Testing

/// Random forests (XGBoost's `num_parallel_tree` with row and column sampling): the
/// rounds' trees, their learning rate, the file layout XGBoost reads, and a forest
/// XGBoost 3 wrote (Fixtures/make_learner_fixtures.py).
@Suite struct ForestTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func forest(_ change: (inout BoosterParameters) -> Void = { _ in }) -> BoosterParameters {
        var parameters = BoosterParameters()
        (parameters.numParallelTree, parameters.nEstimators, parameters.learningRate) = (4, 1, 1)
        (parameters.subsample, parameters.colsampleByNode, parameters.seed) = (0.8, 0.5, 9)
        change(&parameters)
        return parameters
    }

    @Test func xgboostForestPredictsTheSame() throws {
        let model = try Booster.load(path: Self.fixtures.appendingPathComponent("forest_model.json").path)
        #expect(model.treesPerRound == 4)
        #expect(model.trees.count == 8)
        #expect(model.rounds == 2)
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent("forest_expected.json"), encoding: .utf8)
        let expected = try JSONReader.parse(text, file: "forest_expected.json")
        let columns = LinearFixtureTests.columns(expected["rows"])
        let predictions = LinearFixtureTests.numbers(expected["predictions"])
        let ours = model.predict(columns: columns, threads: 1)
        #expect(ours.count == predictions.count && !ours.isEmpty)
        let worst = zip(ours, predictions).map { abs($0 - $1) }.max() ?? .infinity
        #expect(worst < 1e-5)
        let again = try Booster(xgboostJSON: Data(model.xgboostJSON().utf8), file: "again.json")
        #expect(again.treesPerRound == 4)
        #expect(again.predict(columns: columns, threads: 1) == ours)
    }

    /// The file says how many trees a round has, where each round starts, and one
    /// output group per tree; read back, the model is the same.
    @Test func forestFileHasXGBoostsLayout() throws {
        let training = TrainingBehaviourTests.data(rows: 500, seed: 11)
        let model = try Booster.train(training, featureNames: TrainingBehaviourTests.names, parameters: Self.forest { $0.nEstimators = 2 })
        #expect(model.trees.count == 8)
        #expect(model.rounds == 2)
        let text = model.xgboostJSON()
        #expect(text.contains("\"gbtree_model_param\":{\"num_parallel_tree\":\"4\",\"num_trees\":\"8\"}"))
        #expect(text.contains("\"iteration_indptr\":[0,4,8]"))
        #expect(text.contains("\"tree_info\":[0,0,0,0,0,0,0,0]"))
        let again = try Booster(xgboostJSON: Data(text.utf8), file: "forest.json")
        #expect(again.treesPerRound == 4)
        #expect(again.predict(columns: training.columns, threads: 1) == model.predict(columns: training.columns, threads: 1))
    }

    /// Without sampling every tree of a round is the same tree, each with
    /// learning_rate / num_parallel_tree: the round is their average, the single tree's value.
    @Test func aRoundIsTheAverageOfItsTrees() throws {
        let training = TrainingBehaviourTests.data(rows: 300, seed: 12)
        let names = TrainingBehaviourTests.names
        let forest = try Booster.train(training, featureNames: names, parameters: Self.forest {
            ($0.subsample, $0.colsampleByNode, $0.learningRate) = (1, 1, 0.5)
        })
        let single = try Booster.train(training, featureNames: names, parameters: Self.forest {
            ($0.numParallelTree, $0.subsample, $0.colsampleByNode, $0.learningRate) = (1, 1, 1, 0.5)
        })
        #expect(forest.trees.count == 4)
        #expect(Set(forest.trees.map { $0.nodes.map(\.feature) }).count == 1)
        let leaf = try #require(forest.trees[0].nodes.first { $0.isLeaf })
        #expect(leaf.condition == Float(Double(leaf.baseWeight) * Double(Float(0.5) / 4)))
        let worst = zip(forest.predict(columns: training.columns, threads: 1), single.predict(columns: training.columns, threads: 1))
            .map { abs($0 - $1) }.max() ?? .infinity
        #expect(worst < 1e-5)
    }

    /// With sampling the trees differ; the same seed gives the same forest for any thread count.
    @Test func sampledTreesDifferAndAreDeterministic() throws {
        let training = TrainingBehaviourTests.data(rows: 2000, seed: 13)
        var models: [Booster] = []
        for threads in [1, 3] {
            models.append(try Booster.train(training, featureNames: TrainingBehaviourTests.names, parameters: Self.forest { $0.nJobs = threads }))
        }
        #expect(models[0] == models[1])
        #expect(Set(models[0].trees.map { $0.nodes.map(\.feature) }).count > 1)
    }

    @Test func nodeFeaturesAreAShareOfTheTreesFeatures() {
        let features = [0, 2, 3, 5, 7, 8, 9, 11]
        let drawn = GrowthState.nodeFeatures(features, share: 0.5, seed: 4, node: 3)
        #expect(drawn.count == 4)
        #expect(drawn == drawn.sorted() && Set(drawn).isSubset(of: Set(features)))
        #expect(GrowthState.nodeFeatures(features, share: 0.5, seed: 4, node: 3) == drawn)
        #expect((0..<8).map { GrowthState.nodeFeatures(features, share: 0.5, seed: 4, node: $0) }.contains { $0 != drawn })
        #expect(GrowthState.nodeFeatures(features, share: 0.1, seed: 4, node: 3).count == 1)
        #expect(GrowthState.nodeFeatures(features, share: 1, seed: 4, node: 3) == features)
    }

    /// Early stopping keeps whole rounds.
    @Test func earlyStoppingKeepsWholeRounds() throws {
        let training = TrainingBehaviourTests.data(rows: 400, seed: 14)
        let validation = TrainingBehaviourTests.data(rows: 200, seed: 15)
        let model = try Booster.train(training, featureNames: TrainingBehaviourTests.names, validation: validation,
                                      parameters: Self.forest { ($0.nEstimators, $0.learningRate, $0.earlyStoppingRounds) = (300, 0.9, 2) })
        let best = try #require(model.bestIteration)
        #expect(model.trees.count == (best + 1) * 4)
    }

    @Test func fileWhoseTreesDoNotFillRoundsIsAnError() throws {
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent("forest_model.json"), encoding: .utf8)
            .replacingOccurrences(of: "\"num_parallel_tree\":\"4\"", with: "\"num_parallel_tree\":\"3\"")
        #expect {
            try Booster(xgboostJSON: Data(text.utf8), file: "forest.json")
        } throws: { error in
            (error as? Diagnostic)?.message.contains("num_parallel_tree 3 does not divide its 8 trees") == true
        }
    }
}
