import Basics
import Explanation
import Foundation
import GradientBoosting
import Testing

/// TreeSHAP against the Shapley formula itself, enumerated over every subset of
/// features, on trained models with missing values, in double precision.
@Suite struct BruteForceTests {
    static let featureCount = 5

    static func data(rows: Int, seed: UInt64) -> TrainingSet {
        var generator = SeededGenerator(seed: seed)
        let columns = (0..<featureCount).map { _ in
            (0..<rows).map { _ in generator.nextUnit() < 0.1 ? Double.nan : generator.nextUnit() * 10 }
        }
        let labels = (0..<rows).map { row in
            let a = columns[0][row].isNaN ? 2 : sin(columns[0][row]) * 3
            let b = columns[1][row].isNaN ? 0 : columns[1][row]
            return a * b + (columns[2][row] > 5 ? 4 : 0) - (columns[3][row].isNaN ? 1 : 0) + generator.nextUnit()
        }
        return TrainingSet(columns: columns, labels: labels)
    }

    static func trained(rows: Int = 800, rounds: Int = 6, depth: Int = 4) throws -> (Booster, TrainingSet) {
        var parameters = BoosterParameters()
        (parameters.nEstimators, parameters.maxDepth, parameters.learningRate) = (rounds, depth, 0.3)
        let training = data(rows: rows, seed: 3)
        return (try Booster.train(training, featureNames: (0..<featureCount).map { "x\($0)" }, parameters: parameters), training)
    }

    /// The path-dependent expectation of `tree` given the features in `known` (a bit set).
    static func expectation(_ tree: RegressionTree, _ id: Int, known: Int, row: [Double]) -> Double {
        let node = tree.nodes[id]
        if node.isLeaf { return Double(node.condition) }
        let (left, right) = (Int(node.left), Int(node.right))
        if known & (1 << Int(node.feature)) != 0 {
            let x = Float(row[Int(node.feature)])
            let goLeft = !x.isFinite ? node.defaultLeft : x < node.condition
            return expectation(tree, goLeft ? left : right, known: known, row: row)
        }
        return (Double(tree.nodes[left].sumHessian) * expectation(tree, left, known: known, row: row)
            + Double(tree.nodes[right].sumHessian) * expectation(tree, right, known: known, row: row)) / Double(node.sumHessian)
    }

    /// φ_i = Σ over subsets S without i of |S|!(M − |S| − 1)!/M! · (f(S ∪ i) − f(S)), summed over trees.
    static func shapley(_ model: Booster, row: [Double]) -> [Double] {
        let m = featureCount
        func factorial(_ n: Int) -> Double { n <= 1 ? 1 : Double(n) * factorial(n - 1) }
        var phi = [Double](repeating: 0, count: m)
        for tree in model.trees {
            let f = (0..<(1 << m)).map { expectation(tree, 0, known: $0, row: row) }
            for i in 0..<m {
                for subset in 0..<(1 << m) where subset & (1 << i) == 0 {
                    let size = subset.nonzeroBitCount
                    phi[i] += factorial(size) * factorial(m - size - 1) / factorial(m) * (f[subset | (1 << i)] - f[subset])
                }
            }
        }
        return phi
    }

    @Test(arguments: [ShapMethod.pathWalk, .leafTables])
    func treeSHAPEqualsTheShapleyFormula(method: ShapMethod) throws {
        let (model, training) = try Self.trained()
        let rows = 40
        let columns = training.columns.map { Array($0.prefix(rows)) }
        let shap = try TreeExplainer(model).shapValues(columns: columns, threads: 2, method: method)
        var worst = 0.0
        for row in 0..<rows {
            let expected = Self.shapley(model, row: columns.map { $0[row] })
            for feature in 0..<Self.featureCount { worst = max(worst, abs(Double(shap[row, feature]) - expected[feature])) }
        }
        #expect(worst < 1e-4)
        #expect(worst > 0 || rows == 0)  // float32 against double: never bit-equal by accident of a broken comparison
    }

    /// Each row's values and bias add up to its margin (local accuracy), and the
    /// values are the same for every thread count.
    @Test(arguments: [ShapMethod.pathWalk, .leafTables, .automatic])
    func valuesAddUpToTheMarginOnAnyThreadCount(method: ShapMethod) throws {
        let (model, training) = try Self.trained(rows: 1500, rounds: 30, depth: 6)
        let explainer = try TreeExplainer(model)
        let one = explainer.shapValues(columns: training.columns, threads: 1, method: method)
        let three = explainer.shapValues(columns: training.columns, threads: 3, method: method)
        #expect(one == three)
        let margins = model.predictMargins(columns: training.columns, threads: 1)
        var worst: Float = 0
        for row in 0..<one.rowCount {
            var sum: Float = 0
            for column in 0..<one.columnCount { sum += one[row, column] }
            worst = max(worst, abs(sum - margins[row]))
        }
        #expect(worst < 1e-4)
        #expect(one.meanAbsolute.count == Self.featureCount)
        #expect(one.meanAbsolute[4] < one.meanAbsolute[1])  // x4 is noise, x1 drives the label
    }
}
