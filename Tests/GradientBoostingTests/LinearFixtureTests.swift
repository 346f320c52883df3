import Basics
import Foundation
import GradientBoosting
import Testing

/// `booster: gblinear` against XGBoost 3's own results (Fixtures/make_learner_fixtures.py):
/// the same data, parameters and rounds give the same coefficients, and a linear
/// model file XGBoost wrote predicts what XGBoost predicted.
@Suite struct LinearFixtureTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// One training case of the fixture file.
    struct Case {
        var objective: Objective
        var parameters: BoosterParameters
        var training: TrainingSet
        var baseScore: Double
        var weights: [Double]
        var bias: Double
        var predictions: [Double]
    }

    static func number(_ value: JSONValue?) -> Double {
        switch value {
        case .double(let d)?: d
        case .int(let i)?: Double(i)
        default: .nan
        }
    }

    static func numbers(_ value: JSONValue?) -> [Double] {
        guard case .array(let items)? = value else { return [] }
        return items.map { number($0) }
    }

    /// Rows (null for a missing value) as feature columns.
    static func columns(_ value: JSONValue?) -> [[Double]] {
        guard case .array(let rows)? = value else { return [] }
        var columns: [[Double]] = []
        for row in rows {
            let values = numbers(row)
            if columns.isEmpty { columns = Array(repeating: [], count: values.count) }
            for (feature, value) in values.enumerated() { columns[feature].append(value) }
        }
        return columns
    }

    static func cases() throws -> [Case] {
        let text = try String(contentsOf: fixtures.appendingPathComponent("linear_fixtures.json"), encoding: .utf8)
        guard case .array(let items)? = try JSONReader.parse(text, file: "linear_fixtures.json")["cases"] else { return [] }
        return items.map { item in
            var parameters = BoosterParameters()
            if case .string(let name)? = item["objective"], let objective = Objective(rawValue: name) { parameters.objective = objective }
            parameters.booster = .gblinear
            parameters.learningRate = number(item["learning_rate"])
            parameters.regLambda = number(item["reg_lambda"])
            parameters.regAlpha = number(item["reg_alpha"])
            parameters.nEstimators = Int(number(item["n_estimators"]))
            parameters.nJobs = 1
            return Case(objective: parameters.objective, parameters: parameters,
                        training: TrainingSet(columns: columns(item["rows"]), labels: numbers(item["labels"])),
                        baseScore: number(item["base_score"]), weights: numbers(item["weights"]), bias: number(item["bias"]),
                        predictions: numbers(item["predictions"]))
        }
    }

    @Test func fixturesCoverBothObjectives() throws {
        let cases = try Self.cases()
        #expect(cases.count == 5)
        #expect(Set(cases.map(\.objective)) == Set(Objective.allCases))
        #expect(cases.contains { $0.parameters.regAlpha > 0 } && cases.contains { $0.parameters.regLambda > 0 })
    }

    @Test(arguments: 0..<5)
    func coefficientsMatchXGBoost(_ index: Int) throws {
        let cases = try Self.cases()
        let fixture = try #require(cases.indices.contains(index) ? cases[index] : nil)
        let names = fixture.training.columns.indices.map { "f\($0)" }
        let model = try Booster.train(fixture.training, featureNames: names, parameters: fixture.parameters)
        let linear = try #require(model.linear)
        // XGBoost writes the base score as float32.
        #expect(Float(model.baseScore) == Float(fixture.baseScore))
        #expect(linear.rounds == fixture.parameters.nEstimators)
        let worstWeight = zip(linear.weights, fixture.weights).map { abs(Double($0) - $1) }.max() ?? .infinity
        #expect(linear.weights.count == fixture.weights.count)
        #expect(worstWeight < 1e-4, "weights \(linear.weights) vs XGBoost's \(fixture.weights)")
        #expect(abs(Double(linear.bias) - fixture.bias) < 1e-4, "bias \(linear.bias) vs XGBoost's \(fixture.bias)")
        let predictions = model.predict(columns: fixture.training.columns, threads: 1)
        let worstPrediction = zip(predictions, fixture.predictions).map { abs($0 - $1) }.max() ?? .infinity
        #expect(worstPrediction < 1e-4)
    }

    /// linear_model.json is the first case's model as XGBoost saved it.
    @Test func xgboostLinearModelPredictsTheSame() throws {
        let model = try Booster.load(path: Self.fixtures.appendingPathComponent("linear_model.json").path)
        let fixture = try #require(try Self.cases().first)
        let linear = try #require(model.linear)
        #expect(model.trees.isEmpty)
        #expect(model.featureNames == ["f0", "f1", "f2", "f3"])
        // The very float32 values XGBoost saved.
        #expect(linear.weights == fixture.weights.map { Float($0) })
        #expect(linear.bias == Float(fixture.bias))
        #expect(linear.rounds == 10)
        let predictions = model.predict(columns: fixture.training.columns, threads: 1)
        let worst = zip(predictions, fixture.predictions).map { abs($0 - $1) }.max() ?? .infinity
        #expect(worst < 1e-5)
        // Written back and read again, the model predicts the same.
        let again = try Booster(xgboostJSON: Data(model.xgboostJSON().utf8), file: "again.json")
        #expect(again.linear == model.linear)
        #expect(again.predict(columns: fixture.training.columns, threads: 1) == predictions)
    }

    @Test(arguments: [
        ("{\"weights\":[1.0,2.0],\"boosted_rounds\":1}", "2 weights for 4 features"),
        ("{\"boosted_rounds\":1}", "no \"weights\""),
        ("{\"weights\":[1.0,2.0,\"x\",0.5,0.1],\"boosted_rounds\":1}", "finite numbers"),
    ])
    func malformedLinearModelsAreClearErrors(_ model: String, _ expected: String) {
        let text = "{\"learner\":{\"feature_names\":[],\"gradient_booster\":{\"model\":\(model),\"name\":\"gblinear\"},"
            + "\"learner_model_param\":{\"base_score\":\"[1.0]\",\"num_feature\":\"4\"},\"objective\":{\"name\":\"reg:squarederror\"}}}"
        #expect {
            try Booster(xgboostJSON: Data(text.utf8), file: "m.json")
        } throws: { error in
            (error as? Diagnostic)?.message.contains(expected) == true
        }
    }
}
