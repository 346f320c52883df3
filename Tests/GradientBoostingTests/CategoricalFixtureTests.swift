import Basics
import Foundation
import GradientBoosting
import Testing

/// A model with categorical splits written by XGBoost 3 (Fixtures/make_categorical_model.py)
/// loads in sluice and predicts what XGBoost predicted.
@Suite struct CategoricalFixtureTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    @Test func xgboostCategoricalModelPredictsTheSame() throws {
        let model = try Booster.load(path: Self.fixtures.appendingPathComponent("categorical_model.json").path)
        #expect(model.featureNames == ["x", "c", "d"])
        #expect(model.featureTypes == [.numeric, .categorical, .categorical])
        #expect(model.trees.contains { !$0.categories.isEmpty })
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent("categorical_expected.json"), encoding: .utf8)
        let expected = try JSONReader.parse(text, file: "categorical_expected.json")
        guard case .array(let rows)? = expected["rows"], case .array(let predictions)? = expected["predictions"] else {
            Issue.record("the expected file has no rows or predictions")
            return
        }
        func number(_ value: JSONValue) -> Double {
            switch value {
            case .double(let d): d
            case .int(let i): Double(i)
            default: .nan
            }
        }
        var columns = [[Double]](repeating: [], count: 3)
        for row in rows {
            guard case .array(let values) = row, values.count == 3 else { Issue.record("a row of 3 values expected"); return }
            for (feature, value) in values.enumerated() { columns[feature].append(number(value)) }
        }
        let ours = model.predict(columns: columns, threads: 1)
        #expect(ours.count == predictions.count)
        let worst = zip(ours, predictions.map(number)).map { abs($0 - $1) }.max() ?? .infinity
        #expect(worst < 1e-5)
        // Written back and read again, the model predicts the same.
        let again = try Booster(xgboostJSON: Data(model.xgboostJSON().utf8), file: "again.json")
        #expect(again.predict(columns: columns, threads: 1) == ours)
    }
}
