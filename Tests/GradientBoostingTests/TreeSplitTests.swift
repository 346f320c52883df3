import Foundation
import GradientBoosting
import Testing

/// Hand-built data whose splits, gains and leaf values are worked out on paper.
@Suite struct TreeSplitTests {
    /// One tree of depth 1 on `x` with labels `y`.
    static func stump(_ x: [Double], _ y: [Double], configure: (inout BoosterParameters) -> Void = { _ in }) throws -> Booster {
        var parameters = BoosterParameters()
        parameters.nEstimators = 1
        parameters.maxDepth = 1
        parameters.learningRate = 1
        parameters.regLambda = 0
        parameters.minChildWeight = 0
        configure(&parameters)
        return try Booster.train(TrainingSet(columns: [x], labels: y), featureNames: ["x"], parameters: parameters)
    }

    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var lambda: Double
        var alpha: Double
        var eta: Double
        var gain: Float
        var leaves: (Float, Float)
        var description: String { name }
    }

    // x = 1 2 3 4, y = 1 1 3 3, base score 2: gradients 1 1 -1 -1, hessians 1.
    // Split x < 3: G = ±2, H = 2 on each side.
    static let cases: [Case] = [
        // gain = 2²/2 + 2²/2 - 0 = 4; weights ∓2/2 = ∓1.
        Case(name: "no regularisation", lambda: 0, alpha: 0, eta: 1, gain: 4, leaves: (-1, 1)),
        // gain = 4/3 + 4/3 = 8/3; weights ∓2/3, times eta 0.5 = ∓1/3.
        Case(name: "L2", lambda: 1, alpha: 0, eta: 0.5, gain: 8.0 / 3, leaves: (-1.0 / 3, 1.0 / 3)),
        // L1 shrinks |G| by 1: gain = 1/2 + 1/2 = 1; weights ∓1/2.
        Case(name: "L1", lambda: 0, alpha: 1, eta: 1, gain: 1, leaves: (-0.5, 0.5)),
    ]

    @Test(arguments: cases)
    func splitGainAndLeavesMatchHandComputation(_ c: Case) throws {
        let model = try Self.stump([1, 2, 3, 4], [1, 1, 3, 3]) {
            $0.regLambda = c.lambda
            $0.regAlpha = c.alpha
            $0.learningRate = c.eta
        }
        #expect(model.baseScore == 2)
        let nodes = try #require(model.trees.first).nodes
        #expect(nodes.count == 3)
        #expect(nodes[0].feature == 0 && nodes[0].condition == 3 && !nodes[0].defaultLeft)
        #expect(abs(nodes[0].lossChange - c.gain) < 1e-6)
        #expect(nodes[0].left == 1 && nodes[0].right == 2 && nodes[1].parent == 0 && nodes[2].parent == 0)
        #expect(abs(nodes[1].condition - c.leaves.0) < 1e-6 && abs(nodes[2].condition - c.leaves.1) < 1e-6)
        #expect(nodes[1].sumHessian == 2 && nodes[2].sumHessian == 2)
    }

    @Test func missingValuesFollowTheLearnedDefault() throws {
        // Missing rows have the low label, like x = 1, 2: the backward scan sends them left.
        let model = try Self.stump([1, 2, 3, 4, .nan, .nan], [0, 0, 6, 6, 0, 0])
        let root = model.trees[0].nodes[0]
        #expect(root.defaultLeft && root.condition == 3)
        // base 2; left rows G = 2·4 = 8, H = 4: weight -2; right G = -8, H = 2: weight 4.
        #expect(model.predict(columns: [[.nan, 1, 3.5]], threads: 1) == [0, 0, 6])
        // The mirror image: missing rows like the high values go right.
        let mirrored = try Self.stump([1, 2, 3, 4, .nan, .nan], [0, 0, 6, 6, 6, 6])
        #expect(!mirrored.trees[0].nodes[0].defaultLeft)
        #expect(mirrored.predict(columns: [[.nan]], threads: 1) == [6])
    }

    @Test func onlyMissingVersusPresentIsASplitToo() throws {
        let model = try Self.stump([5, 5, .nan, .nan], [1, 1, 3, 3])
        let root = model.trees[0].nodes[0]
        #expect(!root.isLeaf)
        #expect(model.predict(columns: [[5, .nan]], threads: 1) == [1, 3])
    }

    @Test(arguments: [
        ("min_child_weight above each side's hessian", TrainingBehaviourTests.parameters { p in p.minChildWeight = 2.5 }),
        ("gamma above the gain", TrainingBehaviourTests.parameters { p in p.gamma = 4.5 }),
    ])
    func splitIsRefused(_ name: String, _ change: BoosterParameters) throws {
        let model = try Self.stump([1, 2, 3, 4], [1, 1, 3, 3]) { $0.minChildWeight = change.minChildWeight; $0.gamma = change.gamma }
        #expect(model.trees[0].nodes.count == 1, "\(name)")
        #expect(model.predict(columns: [[1, 4]], threads: 1) == [2, 2])
    }

    @Test func gammaEqualToTheGainStillSplits() throws {
        let model = try Self.stump([1, 2, 3, 4], [1, 1, 3, 3]) { $0.gamma = 4 }
        #expect(model.trees[0].nodes.count == 3)
    }

    @Test func logisticGradientsAndLeaves() throws {
        // base 0.5 → margin 0; p = 0.5: g = 0.5 - y, h = 0.25. Split x < 3: G = ±1, H = 0.5.
        // gain = 1/0.5 + 1/0.5 = 4; weights ∓2.
        let model = try Self.stump([1, 2, 3, 4], [0, 0, 1, 1]) { $0.objective = .logistic }
        let nodes = model.trees[0].nodes
        #expect(model.baseScore == 0.5 && model.baseMargin == 0)
        #expect(nodes[0].lossChange == 4 && nodes[1].condition == -2 && nodes[2].condition == 2)
        let p = model.predict(columns: [[1, 4]], threads: 1)
        #expect(abs(p[0] - 1 / (1 + exp(2))) < 1e-7 && abs(p[1] - 1 / (1 + exp(-2))) < 1e-7)
    }

    @Test func depthTwoSplitsEachSideOnItsBestFeature() throws {
        // Feature a separates {1,2} from {3,4}; within each half, b separates again.
        let a: [Double] = [1, 1, 2, 2, 3, 3, 4, 4], b: [Double] = [0, 1, 0, 1, 0, 1, 0, 1]
        let y: [Double] = [0, 2, 0, 2, 10, 12, 10, 12]
        var parameters = BoosterParameters()
        (parameters.nEstimators, parameters.maxDepth, parameters.learningRate) = (1, 2, 1)
        (parameters.regLambda, parameters.minChildWeight) = (0, 0)
        let model = try Booster.train(TrainingSet(columns: [a, b], labels: y), featureNames: ["a", "b"], parameters: parameters)
        let nodes = model.trees[0].nodes
        #expect(nodes.count == 7)
        #expect(nodes[0].feature == 0 && nodes[0].condition == 3)
        #expect(nodes[1].feature == 1 && nodes[2].feature == 1 && nodes[1].condition == 1)
        #expect(model.predict(columns: [a, b], threads: 1) == y)
    }
}
