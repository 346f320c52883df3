import Basics
import Foundation
import GradientBoosting
import Testing

/// Splits on category codes, as XGBoost's hist method with `enable_categorical` makes them.
@Suite struct CategoricalSplitTests {
    /// One tree of depth 1 on one categorical feature, four rows per category code.
    static func stump(_ labelOfCode: [Double], configure: (inout BoosterParameters) -> Void = { _ in }) throws -> Booster {
        var parameters = BoosterParameters()
        parameters.nEstimators = 1
        parameters.maxDepth = 1
        parameters.learningRate = 1
        parameters.regLambda = 0
        configure(&parameters)
        let codes = labelOfCode.indices.flatMap { [Double](repeating: Double($0), count: 4) }
        let labels = codes.map { labelOfCode[Int($0)] }
        return try Booster.train(TrainingSet(columns: [codes], labels: labels, featureTypes: [.categorical]),
                                 featureNames: ["c"], parameters: parameters)
    }

    // Five categories (not fewer than max_cat_to_onehot 4): a partition split. Sorted by
    // leaf weight, codes 1 and 3 (label -10, positive gradients) come first; the forward
    // scan sends that prefix right and is found before its mirror from the backward scan.
    @Test func fiveCategoriesSplitIntoTheBestPartition() throws {
        let model = try Self.stump([10, -10, 10, -10, 10])
        let root = try #require(model.trees.first?.nodes.first)
        #expect(root.isCategorical)
        #expect(model.trees[0].categories[0] == [1, 3])
        #expect(root.defaultLeft)
        #expect(model.predict(columns: [[0, 1, 2, 3, 4]], threads: 1) == [10, -10, 10, -10, 10])
    }

    // Two high and two low categories: a partition puts both low ones right, which no
    // one-hot split can do; with max_cat_to_onehot 5, four categories split one against the rest.
    @Test func fourCategoriesPartitionUnlessOneHotIsAsked() throws {
        let partition = try Self.stump([10, 10, -10, -10])
        #expect(partition.trees[0].categories[0] == [2, 3])
        let oneHot = try Self.stump([10, 10, -10, -10]) { $0.maxCatToOnehot = 5 }
        #expect(oneHot.trees[0].categories[0]?.count == 1)
    }

    // Three categories are fewer than max_cat_to_onehot (4): the one category that
    // differs goes right on its own, where a partition scan would send the other two right.
    @Test func threeCategoriesSplitOneAgainstTheRest() throws {
        let model = try Self.stump([10, -10, -10])
        #expect(model.trees[0].categories[0] == [0])
        #expect(model.predict(columns: [[0, 1, 2]], threads: 1) == [10, -10, -10])
    }

    // max_cat_threshold 2 scans one step each way (as XGBoost, `n - 1` steps for n
    // categories considered): one category right, or one left and four right;
    // {1, 3} against the rest is out of reach, and 1 allows no partition at all.
    @Test func maxCatThresholdBoundsThePartitionScan() throws {
        let model = try Self.stump([10, -10, 10, -10, 10]) { $0.maxCatThreshold = 2 }
        let size = try #require(model.trees[0].categories[0]?.count)
        #expect(size == 1 || size == 4)
        let none = try Self.stump([10, -10, 10, -10, 10]) { $0.maxCatThreshold = 1 }
        #expect(none.trees[0].nodes.count == 1)
    }

    /// A tree whose root sends codes 1 and 3 right (missing values right too), to leaves -1 and 1.
    static func handBuiltModel() -> Booster {
        var root = RegressionTree.Node()
        root.left = 1
        root.right = 2
        root.isCategorical = true
        root.defaultLeft = false
        var left = RegressionTree.Node(), right = RegressionTree.Node()
        (left.parent, right.parent) = (0, 0)
        (left.condition, right.condition) = (-1, 1)
        let tree = RegressionTree(nodes: [root, left, right], categories: [0: [1, 3]])
        var model = Booster(objective: .squaredError, baseScore: 0, trees: [tree], featureNames: ["c"])
        model.featureTypes = [.categorical]
        return model
    }

    // As XGBoost's Decision: codes in the set go right, missing values their default
    // way, and codes outside the set (also unseen, negative or huge ones) go left.
    @Test func predictionRoutesCategoriesAndMissingValues() throws {
        let model = Self.handBuiltModel()
        let codes: [Double] = [0, 1, 2, 3, .nan, .infinity, 7, -1, 300, 1e9, 3.5]
        #expect(model.predict(columns: [codes], threads: 1) == [-1, 1, -1, 1, 1, 1, -1, -1, -1, -1, 1])
    }

    /// A mixed table: a categorical feature with missing values and a numeric one.
    static func mixedSet(rows: Int = 600) -> TrainingSet {
        var generator = SeededGenerator(seed: 7)
        var codes: [Double] = [], numbers: [Double] = [], labels: [Double] = []
        for row in 0..<rows {
            let code = generator.nextIndex(below: 12)
            let x = Double(generator.nextIndex(below: 1000)) / 100
            codes.append(row % 17 == 0 ? .nan : Double(code))
            numbers.append(x)
            labels.append((code % 3 == 0 ? 5.0 : -2.0) + (code == 7 ? 8 : 0) + x / 2 + (row % 17 == 0 ? 3 : 0))
        }
        return TrainingSet(columns: [codes, numbers], labels: labels, featureTypes: [.categorical, .numeric])
    }

    // The training rows' predictions come from the bins (partitioned or walked when
    // subsampling leaves them out); prediction on raw codes must agree with them.
    @Test(arguments: [1.0, 0.6])
    func trainingOnBinsAgreesWithPrediction(subsample: Double) throws {
        var parameters = BoosterParameters()
        parameters.nEstimators = 20
        parameters.subsample = subsample
        parameters.nJobs = 2
        let set = Self.mixedSet()
        let (model, trained) = try Booster.fit(set, featureNames: ["c", "x"], parameters: parameters)
        #expect(model.trees.contains { !$0.categories.isEmpty })
        let predicted = model.predict(columns: set.columns, threads: 2)
        let worst = zip(trained, predicted).map { abs($0 - $1) }.max() ?? 0
        #expect(worst < 1e-4)
    }

    // The model file carries split_type, the categories and the feature types, and reads back equal.
    @Test func modelFileRoundTrip() throws {
        var parameters = BoosterParameters()
        parameters.nEstimators = 5
        let set = Self.mixedSet()
        let model = try Booster.train(set, featureNames: ["c", "x"], parameters: parameters)
        let text = model.xgboostJSON()
        #expect(text.contains("\"feature_types\":[\"c\",\"float\"]"))
        #expect(text.contains("\"split_type\":[1,"))
        let read = try Booster(xgboostJSON: Data(text.utf8), file: "model.json")
        // Equal but for the bins training kept in each node, which no file holds.
        #expect(read.trees.map(\.categories) == model.trees.map(\.categories))
        #expect(read.featureTypes == model.featureTypes && read.binMapper == model.binMapper)
        #expect(read.trees.flatMap(\.nodes).map(\.isCategorical) == model.trees.flatMap(\.nodes).map(\.isCategorical))
        #expect(read.predict(columns: set.columns, threads: 1) == model.predict(columns: set.columns, threads: 1))
        #expect(read.xgboostJSON() == text)
    }

    // Broken category data is a failure naming the tree and what is wrong, never a trap.
    @Test(arguments: [
        ("\"categories_sizes\":[2]", "\"categories_sizes\":[9]", "lie outside"),
        ("\"categories_nodes\":[0]", "\"categories_nodes\":[1]", "categories_nodes"),
        ("\"categories\":[1,3]", "\"categories\":[1,-3]", "category -3"),
        ("\"split_type\":[1,0,0]", "\"split_type\":[1,1,0]", "leaf 1"),
        ("\"split_type\":[1,0,0]", "\"split_type\":[1,0]", "split_type"),
    ])
    func badCategoryDataIsALocatedFailure(original: String, broken: String, expected: String) throws {
        let text = Self.handBuiltModel().xgboostJSON()
        #expect(text.contains(original))
        let error = try #require(throws: Diagnostic.self) {
            try Booster(xgboostJSON: Data(text.replacingOccurrences(of: original, with: broken).utf8), file: "model.json")
        }
        #expect(error.message.contains("tree 0"))
        #expect(error.message.contains(expected))
    }

    // Codes must be whole numbers 0...254 in training: one bin per category.
    @Test(arguments: [300.0, -1, 2.5])
    func trainingRejectsCodesThatAreNoBin(code: Double) throws {
        let set = TrainingSet(columns: [[0, 1, code, 2]], labels: [1, 2, 3, 4], featureTypes: [.categorical])
        let error = try #require(throws: Diagnostic.self) {
            try Booster.train(set, featureNames: ["city"], parameters: BoosterParameters())
        }
        #expect(error.message.contains("'city'"))
        #expect(error.message.contains("row 3"))
    }
}
