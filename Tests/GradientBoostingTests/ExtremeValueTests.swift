import Basics
import Foundation
@testable import GradientBoosting
import Testing

/// Feature values that are infinite, or beyond float32's range, and labels near its
/// limit: training must give a model whose every number is finite (JSON holds no
/// infinity), that reads back, and that predicts as it trained.
@Suite struct ExtremeValueTests {
    /// The seeded data of `TrainingBehaviourTests` with `extremes` cycled into every
    /// fifth value of feature 0.
    static func data(_ extremes: [Double], rows: Int = 600) -> TrainingSet {
        var training = TrainingBehaviourTests.data(rows: rows, seed: 21)
        for row in stride(from: 0, to: rows, by: 5) { training.columns[0][row] = extremes[row / 5 % extremes.count] }
        return training
    }

    static func parameters(rounds: Int = 8) -> BoosterParameters {
        var parameters = BoosterParameters()
        (parameters.nEstimators, parameters.maxDepth) = (rounds, 4)
        return parameters
    }

    @Test(arguments: [
        [Double.infinity], [-Double.infinity], [Double.infinity, -Double.infinity], [1e308], [-1e308], [1e308, -1e308],
        [Double.greatestFiniteMagnitude, -Double.greatestFiniteMagnitude], [1e39, -1e39],
        [Double(Float.greatestFiniteMagnitude), -Double(Float.greatestFiniteMagnitude)], [3e38, -3e38],
    ])
    func extremeFeaturesGiveAModelThatReadsBack(extremes: [Double]) throws {
        let training = Self.data(extremes)
        let (model, trainingPredictions) = try Booster.fit(training, featureNames: TrainingBehaviourTests.names, parameters: Self.parameters())
        #expect(model.firstNonFiniteNumber == nil)
        let text = model.xgboostJSON()
        #expect(!text.replacing(#/"(target|best_iteration)":null/#, with: "").contains("null"))
        let read = try Booster(xgboostJSON: Data(text.utf8), file: "model.json")
        #expect(read.predict(columns: training.columns) == model.predict(columns: training.columns))
        // What training saw and what prediction does agree, row by row.
        #expect(model.predict(columns: training.columns).map { Float($0) } == trainingPredictions.map { Float($0) })
    }

    @Test(arguments: [Double.infinity, -Double.infinity, 1e308, -1e39])
    func valuesBeyondFloat32PredictAsMissing(value: Double) throws {
        let training = Self.data([.infinity, 1e308])
        let model = try Booster.train(training, featureNames: TrainingBehaviourTests.names, parameters: Self.parameters())
        var missing = training.columns, extreme = training.columns
        for row in 0..<20 {
            missing[0][row] = .nan
            extreme[0][row] = value
        }
        #expect(model.predict(columns: extreme) == model.predict(columns: missing))
        // The walk for trees deeper than the compiled layout agrees with it.
        let tree = try #require(model.trees.first)
        #expect(tree.leafValue { $0 == 0 ? value : extreme[$0][0] } == tree.leafValue { $0 == 0 ? .nan : extreme[$0][0] })
    }

    @Test func aFeatureReachingTheLargestFloat32TrainsAsItPredicts() throws {
        // The last bin's bound cannot exceed float32's largest value, so the largest
        // values share the last bin and no split may send that bin left by its bound.
        let largest = Double(Float.greatestFiniteMagnitude)
        let training = Self.data([largest, .nan, largest, 1])
        let mapper = BinMapper(fitting: training.columns, maxBin: 256, threads: 1)
        #expect(mapper.cuts[0].last == Float.greatestFiniteMagnitude)
        #expect(Int(mapper.bin(largest, feature: 0)) == mapper.cuts[0].count - 1)
        #expect(Int(mapper.bin(1, feature: 0)) < mapper.cuts[0].count - 1)
        let (model, trainingPredictions) = try Booster.fit(
            training, featureNames: TrainingBehaviourTests.names, parameters: Self.parameters(rounds: 20))
        #expect(model.predict(columns: training.columns).map { Float($0) } == trainingPredictions.map { Float($0) })
    }

    @Test(arguments: [
        (Double.infinity, "inf"), (-Double.infinity, "-inf"), (Double.nan, "nan"), (1e39, "1e+39"), (-2e38, "-2e+38"),
    ])
    func labelsBeyondWhatFloat32TrainingHoldsAreRefusedByIndex(label: Double, shown: String) {
        var training = TrainingBehaviourTests.data(rows: 100, seed: 3)
        training.labels[41] = label
        #expect(Objective.squaredError.firstInvalidLabel(training.labels) == 41)
        let error = #expect(throws: Diagnostic.self) {
            try Booster.train(training, featureNames: TrainingBehaviourTests.names, parameters: Self.parameters())
        }
        #expect(error?.message == "the training set's label 42 is \(shown), which reg:squarederror cannot learn")
    }

    @Test func labelsUpTo1e38TrainAModelWithFiniteNumbers() throws {
        var training = TrainingBehaviourTests.data(rows: 400, seed: 5)
        training.labels = training.labels.enumerated().map { $0.offset % 3 == 0 ? 1e38 : $0.offset % 3 == 1 ? -1e38 : $0.element * 1e36 }
        let model = try Booster.train(training, featureNames: TrainingBehaviourTests.names, parameters: Self.parameters())
        #expect(model.firstNonFiniteNumber == nil)
        #expect(model.predict(columns: training.columns).allSatisfy { $0.isFinite })
    }

    @Test func aModelWithANonFiniteNumberIsNotWritten() throws {
        var model = try Booster.train(Self.data([1]), featureNames: TrainingBehaviourTests.names, parameters: Self.parameters(rounds: 2))
        model.trees[1].nodes[0].lossChange = .infinity
        #expect(model.firstNonFiniteNumber == "tree 1, node 0: loss change")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sluice-nonfinite-\(UUID()).json").path
        #expect(throws: Diagnostic.self) { try model.write(to: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test(arguments: [
        ("a threshold beyond float32", #""split_conditions":[1e300,"#),
        ("an infinite threshold", #""split_conditions":[1e999,"#),
    ])
    func modelFilesWithThresholdsFloat32CannotHoldAreRejected(_ name: String, _ replacement: String) throws {
        let text = try ModelFileTests.model(objective: .squaredError).xgboostJSON()
        let broken = text.replacing(#/"split_conditions":\[[^,]*,/#, with: replacement)
        #expect(broken != text)
        #expect(throws: Diagnostic.self, "\(name)") { try Booster(xgboostJSON: Data(broken.utf8), file: "model.json") }
    }

    @Test(arguments: [(Objective.squaredError, "1e999"), (.squaredError, "1e300"), (.logistic, "1"), (.logistic, "0"),
                        // Above 0 and below 1 as doubles, but 0 and 1 as the float32 the file keeps (found by sluice-fuzz).
                        (.logistic, "5e-324"), (.logistic, "0.99999999999")])
    func baseScoresThatGiveNoFiniteMarginAreRejected(objective: Objective, score: String) throws {
        let text = try ModelFileTests.model(objective: objective).xgboostJSON()
        let broken = text.replacing(#/"base_score":"\[[^\]]*\]"/#, with: "\"base_score\":\"[\(score)]\"")
            .replacing(#/"sluice":\{.*\},"version"/#, with: "\"version\"")
        #expect(broken != text)
        #expect(throws: Diagnostic.self) { try Booster(xgboostJSON: Data(broken.utf8), file: "model.json") }
    }
}
