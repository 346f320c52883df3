import Basics
import Explanation
import Foundation
import GradientBoosting
import Testing

/// SHAP values equal to XGBoost 3.2's `predict(pred_contribs=True)` on the same model
/// file, within 1e-5 (Fixtures/make_shap_fixtures.py wrote both): a sluice-trained
/// housing model (missing values), a sluice-trained model with a native categorical
/// column, XGBoost's own categorical model (one-hot and partition splits), and a
/// sluice-trained binary:logistic model (log-odds, the bias holding a logit).
@Suite struct XGBoostFixtureTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The model, the rows as feature columns, and XGBoost's values row by row.
    static func load(_ name: String) throws -> (Booster, [[Double]], [[Double]]) {
        let model = try Booster.load(path: fixtures.appendingPathComponent("\(name)_model.json").path)
        let text = try String(contentsOf: fixtures.appendingPathComponent("\(name)_expected.json"), encoding: .utf8)
        let expected = try JSONReader.parse(text, file: "\(name)_expected.json")
        func number(_ value: JSONValue) -> Double {
            switch value {
            case .double(let d): d
            case .int(let i): Double(i)
            default: .nan  // null: a missing value
            }
        }
        func table(_ key: String) -> [[Double]] {
            guard case .array(let rows)? = expected[key] else { return [] }
            return rows.map { row in
                guard case .array(let values) = row else { return [] }
                return values.map(number)
            }
        }
        let rows = table("rows")
        let columns = (0..<model.featureNames.count).map { feature in rows.map { $0.indices.contains(feature) ? $0[feature] : .nan } }
        return (model, columns, table("contribs"))
    }

    /// Both ways of computing: the walk in XGBoost's operation order, and the leaf tables.
    @Test(arguments: ["housing", "mixed", "xgbcat", "binary"], [ShapMethod.pathWalk, .leafTables])
    func equalsXGBoostPredContribs(_ name: String, method: ShapMethod) throws {
        let (model, columns, expected) = try Self.load(name)
        let shap = try TreeExplainer(model).shapValues(columns: columns, threads: 2, method: method)
        #expect(shap.rowCount == expected.count && expected.count >= 200)
        var worst = 0.0, compared = 0
        for row in 0..<min(shap.rowCount, expected.count) {
            #expect(expected[row].count == shap.columnCount)
            for column in 0..<min(shap.columnCount, expected[row].count) {
                worst = max(worst, abs(Double(shap[row, column]) - expected[row][column]))
                compared += 1
            }
        }
        #expect(compared == expected.count * shap.columnCount)
        #expect(worst <= 1e-5, "\(name), \(method): max |diff| \(worst)")
    }

    /// The leaf tables replay the walk's float32 operations per leaf, so they agree with
    /// it up to the order leaves add up in, through features split on twice,
    /// categories and missing values.
    @Test(arguments: ["housing", "mixed", "xgbcat", "binary"])
    func leafTablesAgreeWithTheWalk(_ name: String) throws {
        let (model, columns, _) = try Self.load(name)
        let explainer = try TreeExplainer(model)
        let walked = explainer.shapValues(columns: columns, threads: 2, method: .pathWalk)
        let tabled = explainer.shapValues(columns: columns, threads: 2, method: .leafTables)
        let worst = zip(walked.values, tabled.values).map { abs($0 - $1) / max(1, abs($0)) }.max() ?? 1
        #expect(walked.values.count == tabled.values.count && worst <= 2e-6, "\(name): \(worst)")
    }

    /// The fixtures exercise what they claim to: missing values, and categorical splits.
    @Test func fixturesCoverMissingValuesAndCategories() throws {
        for name in ["housing", "mixed", "xgbcat"] {
            let (model, columns, _) = try Self.load(name)
            #expect(columns.contains { $0.contains { $0.isNaN } }, "\(name) has missing values")
            if name != "housing" { #expect(model.trees.contains { !$0.categories.isEmpty }, "\(name) has categorical splits") }
        }
    }
}
