import Basics
import Foundation
import GradientBoosting
import Testing

/// Determinism, growth policies, early stopping and invalid input.
@Suite struct TrainingBehaviourTests {
    /// Default parameters changed by `change`.
    static func parameters(_ change: (inout BoosterParameters) -> Void) -> BoosterParameters {
        var parameters = BoosterParameters()
        change(&parameters)
        return parameters
    }

    /// Seeded data: y depends on x0, x1 and x2, with some values missing.
    static func data(rows: Int, seed: UInt64) -> TrainingSet {
        var generator = SeededGenerator(seed: seed)
        let columns = (0..<4).map { _ in
            (0..<rows).map { _ in generator.nextUnit() < 0.05 ? Double.nan : generator.nextUnit() * 10 }
        }
        let labels = (0..<rows).map { row in
            (columns[0][row].isNaN ? 3 : sin(columns[0][row])) * 4 + (columns[1][row].isNaN ? 0 : columns[1][row])
                + (columns[2][row] > 5 ? 2 : 0) + generator.nextUnit()
        }
        return TrainingSet(columns: columns, labels: labels)
    }

    static let names = ["a", "b", "c", "d"]

    @Test func sameSeedSameModelForEveryThreadCount() throws {
        let training = Self.data(rows: 3000, seed: 7)
        var parameters = BoosterParameters()
        (parameters.nEstimators, parameters.subsample, parameters.colsampleByTree, parameters.seed) = (12, 0.8, 0.75, 42)
        var models: [Booster] = []
        for threads in [1, 2, 3] {
            parameters.nJobs = threads
            models.append(try Booster.train(training, featureNames: Self.names, parameters: parameters))
        }
        #expect(models[0] == models[1] && models[1] == models[2])
        parameters.seed = 43
        #expect(try Booster.train(training, featureNames: Self.names, parameters: parameters) != models[0])
    }

    @Test(arguments: [
        ("depth-wise", parameters { $0.maxDepth = 3 }),
        ("depth-wise, sampled", parameters { $0.maxDepth = 4; $0.subsample = 0.7; $0.colsampleByTree = 0.5 }),
        ("loss-guided", parameters { $0.growPolicy = .lossguide; $0.maxDepth = 0; $0.maxLeaves = 7 }),
        ("logistic", parameters { $0.objective = .logistic }),
    ])
    func marginsKeptWhileBoostingEqualPredictions(_ name: String, _ base: BoosterParameters) throws {
        var parameters = base
        parameters.nEstimators = 6
        var training = Self.data(rows: 2000, seed: 31)
        if parameters.objective == .logistic { training.labels = training.labels.map { $0 > 6 ? 1 : 0 } }
        let (model, kept) = try Booster.fit(training, featureNames: Self.names, parameters: parameters)
        #expect(kept == model.predict(columns: training.columns), "\(name)")
    }

    @Test(arguments: Objective.allCases)
    func roundMetricIsTheMetricOfThePredictions(_ objective: Objective) throws {
        var parameters = BoosterParameters()
        (parameters.objective, parameters.nEstimators, parameters.learningRate) = (objective, 30, 1)
        var training = Self.data(rows: 1000, seed: 41)
        if objective == .logistic { training.labels = training.labels.map { $0 > 6 ? 1 : 0 } }
        var history: [RoundRecord] = []
        let (_, predictions) = try Booster.fit(training, featureNames: Self.names, parameters: parameters) { history.append($0) }
        let losses = zip(training.labels, predictions).map { label, prediction -> Double in
            if objective == .squaredError { return (label - prediction) * (label - prediction) }
            let p = min(max(prediction, 1e-15), 1 - 1e-15)
            return label > 0.5 ? -log(p) : -log(1 - p)
        }
        let mean = losses.reduce(0, +) / Double(losses.count)
        let expected = objective == .squaredError ? mean.squareRoot() : mean
        let reported = try #require(history.last?.train)
        #expect(abs(reported - expected) <= 1e-5 * max(1, expected), "\(reported) vs \(expected)")
    }

    @Test func lossGuidedGrowthStopsAtMaxLeaves() throws {
        var parameters = BoosterParameters()
        (parameters.nEstimators, parameters.growPolicy, parameters.maxLeaves, parameters.maxDepth) = (3, .lossguide, 5, 0)
        let model = try Booster.train(Self.data(rows: 500, seed: 1), featureNames: Self.names, parameters: parameters)
        #expect(model.trees.allSatisfy { $0.leafCount == 5 })
        parameters.growPolicy = .depthwise
        parameters.maxDepth = 2
        parameters.maxLeaves = 0
        let depthwise = try Booster.train(Self.data(rows: 500, seed: 1), featureNames: Self.names, parameters: parameters)
        #expect(depthwise.trees.allSatisfy { $0.depth == 2 && $0.leafCount == 4 })
    }

    @Test func trainingLossFallsEveryRound() throws {
        var parameters = BoosterParameters()
        parameters.nEstimators = 20
        var history: [RoundRecord] = []
        _ = try Booster.train(Self.data(rows: 1000, seed: 3), featureNames: Self.names, parameters: parameters) { history.append($0) }
        #expect(history.map(\.round) == Array(0..<20))
        let losses = history.compactMap(\.train)
        #expect(losses.count == 20)
        #expect(zip(losses, losses.dropFirst()).allSatisfy { $1 <= $0 })
    }

    /// Leaving out the per-round training metric changes the records, not the model.
    @Test(arguments: Objective.allCases)
    func roundsWithoutTrainingMetricGrowTheSameModel(_ objective: Objective) throws {
        var parameters = BoosterParameters()
        (parameters.objective, parameters.nEstimators) = (objective, 10)
        var training = Self.data(rows: 800, seed: 5)
        if objective == .logistic { training.labels = training.labels.map { $0 > 6 ? 1 : 0 } }
        var records: [RoundRecord] = []
        let quiet = try Booster.train(training, featureNames: Self.names, parameters: parameters, trainingMetricEachRound: false) {
            records.append($0)
        }
        let measured = try Booster.train(training, featureNames: Self.names, parameters: parameters)
        #expect(records.count == 10 && records.allSatisfy { $0.train == nil })
        #expect(quiet.trees == measured.trees)
    }

    @Test func earlyStoppingKeepsTheTreesUpToTheBestRound() throws {
        var parameters = BoosterParameters()
        (parameters.nEstimators, parameters.earlyStoppingRounds, parameters.learningRate) = (200, 3, 0.5)
        // Labels unrelated to the features: the validation metric soon stops improving.
        let training = Self.data(rows: 300, seed: 5)
        var validation = Self.data(rows: 200, seed: 6)
        var generator = SeededGenerator(seed: 9)
        validation.labels = validation.labels.map { _ in generator.nextUnit() * 10 }
        var history: [RoundRecord] = []
        let model = try Booster.train(training, featureNames: Self.names, validation: validation, parameters: parameters) { history.append($0) }
        let best = try #require(model.bestIteration)
        let bestValid = history.compactMap(\.valid).min()
        #expect(history[best].valid == bestValid)
        #expect(model.trees.count == best + 1)
        #expect(history.count == best + 1 + 3)
        #expect(history.count < 200)
    }

    @Test(arguments: [
        ("learning_rate", Self.parameters { p in p.learningRate = 0 }, "learning_rate must be a number in (0.0, 1.0], not 0.0"),
        ("max_depth", Self.parameters { p in p.maxDepth = 65 }, "max_depth must be an integer in 0...64, not 65"),
        ("subsample", Self.parameters { p in p.subsample = 1.5 }, "subsample must be a number in (0.0, 1.0], not 1.5"),
        ("reg_lambda", Self.parameters { p in p.regLambda = -1 }, "reg_lambda must be a number in [0.0, inf), not -1.0"),
        ("max_bin", Self.parameters { p in p.maxBin = 1 }, "max_bin must be an integer in 2...256, not 1"),
        ("n_estimators", Self.parameters { p in p.nEstimators = 0 }, "n_estimators must be an integer in 1...100000, not 0"),
        ("base_score", Self.parameters { p in p.objective = .logistic; p.baseScore = 1 }, "base_score must be a number in (0, 1) for binary:logistic, not 1.0"),
    ])
    func invalidParametersNameTheParameterAndRange(_ name: String, _ parameters: BoosterParameters, _ message: String) {
        #expect(throws: Diagnostic.error(message)) { try parameters.validate() }
    }

    @Test func invalidLabelsAndShapesAreErrors() {
        var parameters = BoosterParameters()
        parameters.objective = .logistic
        #expect(throws: Diagnostic.self) {
            try Booster.train(TrainingSet(columns: [[1, 2]], labels: [0, 2]), featureNames: ["x"], parameters: parameters)
        }
        #expect(throws: Diagnostic.self) {
            try Booster.train(TrainingSet(columns: [[1, 2, 3]], labels: [0, 1]), featureNames: ["x"], parameters: BoosterParameters())
        }
        var stopping = BoosterParameters()
        stopping.earlyStoppingRounds = 5
        #expect(throws: Diagnostic.self) {
            try Booster.train(TrainingSet(columns: [[1, 2]], labels: [0, 1]), featureNames: ["x"], parameters: stopping)
        }
    }
}
