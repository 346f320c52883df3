import Basics
import Foundation
@testable import GradientBoosting
import Testing

/// XGBoost's coordinate-descent step for `gblinear`, on numbers worked out by hand.
@Suite struct CoordinateDescentTests {
    @Test(arguments: [
        // (g, h, w, alpha, lambda) -> delta
        (4.0, 2.0, 0.0, 0.0, 0.0, -2.0),  // plain Newton step
        (4.0, 2.0, 0.0, 0.0, 2.0, -1.0),  // L2: (g + λw) / (h + λ) = 4 / 4
        (4.0, 2.0, 0.0, 1.0, 0.0, -1.5),  // L1 shrinks the step: (4 - 1) / 2
        (-4.0, 2.0, 0.0, 1.0, 0.0, 1.5),  // and on the other side: (4 - 1) / 2 upwards
        (0.5, 1.0, 0.0, 1.0, 0.0, 0.0),   // |g| below alpha: the weight stays at 0
        (0.5, 1.0, 1.0, 1.0, 0.0, -1.0),  // L1 would carry the weight past 0: it stops at 0
        (-0.5, 1.0, -1.0, 1.0, 0.0, 1.0), // from below too
        (3.0, 1.0, 1.0, 0.0, 0.0, -3.0),  // the Newton step itself may cross 0
        (4.0, 1e-6, 0.0, 0.0, 0.0, 0.0),  // no curvature: no step
    ])
    func weightDelta(_ g: Double, _ h: Double, _ w: Double, _ alpha: Double, _ lambda: Double, _ expected: Double) {
        #expect(CoordinateDescent.weightDelta(sumGradient: g, sumHessian: h, weight: w, alpha: alpha, lambda: lambda) == expected)
    }

    @Test func biasDeltaIsANewtonStepOrZero() {
        #expect(CoordinateDescent.biasDelta(sumGradient: -3, sumHessian: 2) == 1.5)
        #expect(CoordinateDescent.biasDelta(sumGradient: 2, sumHessian: 0) == 0)
        #expect(CoordinateDescent.biasDelta(sumGradient: 0, sumHessian: 0) == 0)
    }

    static func linear(_ change: (inout BoosterParameters) -> Void = { _ in }) -> BoosterParameters {
        var parameters = BoosterParameters()
        (parameters.booster, parameters.baseScore, parameters.learningRate, parameters.regLambda, parameters.nEstimators) =
            (.gblinear, 0, 1, 0, 1)
        change(&parameters)
        return parameters
    }

    /// x = 1, 2, 3 and y = 2, 4, 6 from 0: the bias steps by mean(y) = 4, leaving
    /// gradients 2, 0, -2; then the weight steps by -Σgx / Σx² = 4 / 14.
    @Test func oneRoundByHand() throws {
        let training = TrainingSet(columns: [[1, 2, 3]], labels: [2, 4, 6])
        let model = try Booster.train(training, featureNames: ["x"], parameters: Self.linear())
        #expect(model.trees.isEmpty)
        #expect(model.linear == LinearModel(weights: [Float(4.0 / 14)], bias: 4, rounds: 1))
        // Predictions: bias + w·x in float32.
        #expect(model.predict(columns: [[0, 1]], threads: 1) == [4, Double(4 + Float(4.0 / 14))])
    }

    /// L2 per row is scaled by the row count (3): the weight steps by 4 / (14 + 3); the
    /// bias is not penalised. L1 of 1 per row (3 in all) shrinks the step to (4 - 3) / 14.
    @Test func penaltiesAreScaledByTheRowCount() throws {
        let training = TrainingSet(columns: [[1, 2, 3]], labels: [2, 4, 6])
        let ridge = try Booster.train(training, featureNames: ["x"], parameters: Self.linear { $0.regLambda = 1 })
        #expect(ridge.linear == LinearModel(weights: [Float(4.0 / 17)], bias: 4, rounds: 1))
        let lasso = try Booster.train(training, featureNames: ["x"], parameters: Self.linear { $0.regAlpha = 1 })
        #expect(lasso.linear == LinearModel(weights: [Float(1.0 / 14)], bias: 4, rounds: 1))
        let halfStep = try Booster.train(training, featureNames: ["x"], parameters: Self.linear { $0.learningRate = 0.5 })
        // Half the bias step (2) leaves gradients 0, -2, -4: Σgx = -16, so the weight steps by 0.5 · 16 / 14.
        #expect(halfStep.linear == LinearModel(weights: [Float(0.5 * 16.0 / 14)], bias: 2, rounds: 1))
    }

    /// A missing value adds nothing to the sums (XGBoost's sparse rows leave it out),
    /// and contributes nothing to a prediction.
    @Test func missingValuesAreLeftOut() throws {
        let training = TrainingSet(columns: [[1, .nan, 3]], labels: [2, 4, 6])
        let model = try Booster.train(training, featureNames: ["x"], parameters: Self.linear())
        // Gradients 2, 0, -2 after the bias: Σgx = 2 - 6 = -4 and Σx² = 1 + 9.
        #expect(model.linear == LinearModel(weights: [0.4], bias: 4, rounds: 1))
        #expect(model.predict(columns: [[.nan, .infinity]], threads: 1) == [4, 4])
    }

    @Test func categoricalFeaturesAreRefusedWithAHint() {
        let training = TrainingSet(columns: [[0, 1, 2], [1, 2, 3]], labels: [1, 2, 3], featureTypes: [.categorical, .numeric])
        #expect {
            try Booster.train(training, featureNames: ["city", "x"], parameters: Self.linear())
        } throws: { error in
            guard let diagnostic = error as? Diagnostic else { return false }
            return diagnostic.message.contains("'city'") && (diagnostic.hint ?? "").contains("onehot")
        }
    }

    @Test func sameModelForEveryThreadCount() throws {
        let training = TrainingBehaviourTests.data(rows: 40_000, seed: 3)
        var models: [Booster] = []
        for threads in [1, 2, 3] {
            models.append(try Booster.train(training, featureNames: TrainingBehaviourTests.names, parameters: Self.linear {
                ($0.nEstimators, $0.baseScore, $0.learningRate, $0.nJobs) = (5, nil, 0.5, threads)
            }))
        }
        #expect(models[0] == models[1] && models[1] == models[2])
        #expect(models[0].linear?.weights.allSatisfy { $0 != 0 } == true)
    }

    /// Early stopping keeps the weights of the best round, so that the file needs no prediction range.
    @Test func earlyStoppingKeepsTheBestRoundsWeights() throws {
        let training = TrainingBehaviourTests.data(rows: 400, seed: 5)
        let validation = TrainingBehaviourTests.data(rows: 200, seed: 6)
        var records: [RoundRecord] = []
        let parameters = Self.linear { ($0.nEstimators, $0.baseScore, $0.learningRate, $0.earlyStoppingRounds) = (200, nil, 1, 2) }
        let model = try Booster.train(training, featureNames: TrainingBehaviourTests.names, validation: validation,
                                      parameters: parameters) { records.append($0) }
        let best = try #require(model.bestIteration)
        #expect(records.count < 200)
        #expect(records[best].valid == records.compactMap(\.valid).min())
        let metric = Objective.squaredError
        let labels = validation.labels.map { Float($0) }
        let margins = model.predictMargins(columns: validation.columns, threads: 1)
        #expect(abs(metric.metric(labels: labels, margins: margins, threads: 1) - (records[best].valid ?? 0)) < 1e-12)
    }

    /// A linear model has no gain importance; its file's metadata lists the coefficients instead.
    @Test func importanceIsEmptyAndTheFileListsCoefficients() throws {
        let training = TrainingSet(columns: [[1, 2, 3]], labels: [2, 4, 6])
        let model = try Booster.train(training, featureNames: ["x"], parameters: Self.linear())
        #expect(model.featureImportance.isEmpty)
        let text = model.xgboostJSON()
        #expect(text.contains("\"name\":\"gblinear\""))
        #expect(text.contains("\"coefficients\":{\"x\":"))
        #expect(!text.contains("feature_importance"))
        let again = try Booster(xgboostJSON: Data(text.utf8), file: "linear.json")
        #expect(again == model)
    }
}
