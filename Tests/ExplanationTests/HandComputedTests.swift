import Basics
import Explanation
import GradientBoosting
import Testing

/// SHAP values of trees small enough to work out by hand from the Shapley formula,
/// with the path-dependent expectation: a feature left out follows both branches of
/// its split, weighted by the branches' training covers.
@Suite struct HandComputedTests {
    /// A split node on `feature` at `condition` with children `left`, `right`.
    static func split(_ feature: Int32, _ condition: Float, _ left: Int32, _ right: Int32, cover: Float, parent: Int32 = -1,
                      defaultLeft: Bool = true) -> RegressionTree.Node {
        var node = RegressionTree.Node()
        (node.feature, node.condition, node.left, node.right, node.sumHessian, node.parent, node.defaultLeft) =
            (feature, condition, left, right, cover, parent, defaultLeft)
        return node
    }

    /// A leaf of `value` with `cover`.
    static func leaf(_ value: Float, cover: Float, parent: Int32) -> RegressionTree.Node {
        var node = RegressionTree.Node()
        (node.condition, node.sumHessian, node.parent) = (value, cover, parent)
        return node
    }

    static func model(_ trees: [RegressionTree], features: Int, baseScore: Double = 0) -> Booster {
        Booster(objective: .squaredError, baseScore: baseScore, trees: trees, featureNames: (0..<features).map { "f\($0)" })
    }

    /// `x0 < 0.5`: left leaf 1 (cover 4), right leaf 3 (cover 6). The expectation is
    /// (1·4 + 3·6)/10 = 2.2, so a row going left gets 1 − 2.2 = −1.2, one going right
    /// 3 − 2.2 = 0.8; missing values go right here (default right).
    @Test(arguments: [(0.0, -1.2), (0.7, 0.8), (.nan, 0.8), (.infinity, 0.8)])
    func depthOneTree(x: Double, expected: Float) throws {
        let tree = RegressionTree(nodes: [
            Self.split(0, 0.5, 1, 2, cover: 10, defaultLeft: false), Self.leaf(1, cover: 4, parent: 0), Self.leaf(3, cover: 6, parent: 0),
        ])
        let explainer = try TreeExplainer(Self.model([tree], features: 2, baseScore: 0.5))
        let shap = Self.bothMethods(explainer, columns: [[x], [7]])
        #expect(abs(shap[0, 0] - expected) < 1e-6)
        #expect(shap[0, 1] == 0)  // a feature no tree uses gets nothing
        #expect(abs(shap.bias(row: 0) - 2.7) < 1e-6)  // 2.2 plus the base score 0.5
    }

    /// Root `x0 < 0` (cover 100); left `x1 < 0` (40) with leaves 1 (10) and 2 (30);
    /// right `x1 < 0` (60) with leaves 4 (45) and 8 (15). For x = (−1, 1) (leaf 2):
    /// f(∅) = 3.7, f({0}) = 70/40 = 1.75, f({1}) = 0.4·2 + 0.6·8 = 5.6, f({0,1}) = 2;
    /// φ0 = ½[(1.75 − 3.7) + (2 − 5.6)] = −2.775, φ1 = ½[(5.6 − 3.7) + (2 − 1.75)] = 1.075.
    @Test func depthTwoTreeWithTwoFeatures() throws {
        let tree = RegressionTree(nodes: [
            Self.split(0, 0, 1, 2, cover: 100),
            Self.split(1, 0, 3, 4, cover: 40, parent: 0), Self.split(1, 0, 5, 6, cover: 60, parent: 0),
            Self.leaf(1, cover: 10, parent: 1), Self.leaf(2, cover: 30, parent: 1),
            Self.leaf(4, cover: 45, parent: 2), Self.leaf(8, cover: 15, parent: 2),
        ])
        let shap = try Self.bothMethods(TreeExplainer(Self.model([tree], features: 2)), columns: [[-1], [1]])
        #expect(abs(shap[0, 0] - -2.775) < 1e-5)
        #expect(abs(shap[0, 1] - 1.075) < 1e-5)
        #expect(abs(shap.bias(row: 0) - 3.7) < 1e-5)
    }

    /// The same feature twice on a path (`x0 < 0`, then `x0 < 1`): the second split
    /// unwinds the first. One feature takes everything: φ0 = f(x) − E, with
    /// E = (1·4 + 2·2 + 5·4)/10 = 2.8.
    @Test(arguments: [(-1.0, Float(-1.8)), (0.5, -0.8), (3, 2.2)])
    func featureSplitTwiceOnOnePath(x: Double, expected: Float) throws {
        let tree = RegressionTree(nodes: [
            Self.split(0, 0, 1, 2, cover: 10), Self.leaf(1, cover: 4, parent: 0),
            Self.split(0, 1, 3, 4, cover: 6, parent: 0), Self.leaf(2, cover: 2, parent: 2), Self.leaf(5, cover: 4, parent: 2),
        ])
        let shap = try Self.bothMethods(TreeExplainer(Self.model([tree], features: 1)), columns: [[x]])
        #expect(abs(shap[0, 0] - expected) < 1e-5)
        #expect(abs(shap.bias(row: 0) - 2.8) < 1e-5)
    }

    /// A categorical split: categories {1, 3} go right (leaf 10, cover 2), the rest
    /// left (leaf 0, cover 8); E = 2. Missing values go left (the default here); a code
    /// that is no category (negative, or 2^24 and above) goes left, as in XGBoost.
    @Test(arguments: [(1.0, Float(8)), (3, 8), (2, -2), (.nan, -2), (-1, -2), (16_777_216, -2), (3.7, 8)])
    func categoricalSplit(code: Double, expected: Float) throws {
        var root = Self.split(0, 0, 1, 2, cover: 10)
        root.isCategorical = true
        let tree = RegressionTree(nodes: [root, Self.leaf(0, cover: 8, parent: 0), Self.leaf(10, cover: 2, parent: 0)], categories: [0: [1, 3]])
        var model = Self.model([tree], features: 1)
        model.featureTypes = [.categorical]
        let shap = try Self.bothMethods(TreeExplainer(model), columns: [[code]])
        #expect(abs(shap[0, 0] - expected) < 1e-6)
    }

    /// Two trees add up: each tree's values, and the bias of both expectations plus the base margin.
    @Test func treesAddUp() throws {
        let first = RegressionTree(nodes: [Self.split(0, 0.5, 1, 2, cover: 10), Self.leaf(1, cover: 4, parent: 0), Self.leaf(3, cover: 6, parent: 0)])
        let second = RegressionTree(nodes: [Self.split(1, 0, 1, 2, cover: 10), Self.leaf(-1, cover: 5, parent: 0), Self.leaf(1, cover: 5, parent: 0)])
        let shap = try Self.bothMethods(TreeExplainer(Self.model([first, second], features: 2, baseScore: 10)), columns: [[0], [1]])
        #expect(abs(shap[0, 0] - -1.2) < 1e-6)
        #expect(abs(shap[0, 1] - 1) < 1e-6)
        #expect(abs(shap.bias(row: 0) - 12.2) < 1e-5)
    }

    /// A model without trees, and a split without a cover (a model file with no
    /// sum_hessian), are errors that say what is wrong, never a trap or NaNs.
    @Test func modelsTreeSHAPCannotExplainAreErrors() {
        #expect(throws: Diagnostic.self) { try TreeExplainer(Self.model([], features: 1)) }
        let uncovered = RegressionTree(nodes: [Self.split(0, 0.5, 1, 2, cover: 0), Self.leaf(1, cover: 0, parent: 0), Self.leaf(3, cover: 0, parent: 0)])
        do {
            _ = try TreeExplainer(Self.model([uncovered], features: 1))
            Issue.record("a tree without covers was accepted")
        } catch let diagnostic as Diagnostic {
            #expect(diagnostic.message.contains("sum_hessian"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    /// The values by the leaf tables, after checking that the walk gives the same ones
    /// up to float32 rounding: each hand-computed case checks both methods.
    static func bothMethods(_ explainer: TreeExplainer, columns: [[Double]]) -> ShapValues {
        let walked = explainer.shapValues(columns: columns, threads: 1, method: .pathWalk)
        let tabled = explainer.shapValues(columns: columns, threads: 1, method: .leafTables)
        #expect(walked.values.count == tabled.values.count)
        #expect(zip(walked.values, tabled.values).allSatisfy { abs($0 - $1) <= 1e-6 * max(1, abs($0)) })
        return tabled
    }

    /// A tree that is one leaf puts its value into the bias and nothing into features.
    @Test func singleLeafTree() throws {
        let shap = try Self.bothMethods(TreeExplainer(Self.model([RegressionTree(nodes: [Self.leaf(4, cover: 3, parent: -1)])], features: 2, baseScore: 1)), columns: [[1, 2], [3, 4]])
        #expect(shap.values == [0, 0, 5, 0, 0, 5])
    }
}
