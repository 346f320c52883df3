import Basics
import Foundation
import GradientBoosting
import Testing

/// Feature importance by XGBoost's five definitions, against `get_score` on a model
/// XGBoost trained (Fixtures/make_importance_model.py).
@Suite struct ImportanceFixtureTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    @Test func importanceMatchesXGBoostsGetScore() throws {
        let model = try Booster.load(path: Self.fixtures.appendingPathComponent("importance_model.json").path)
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent("importance_expected.json"), encoding: .utf8)
        let expected = try JSONReader.parse(text, file: "importance_expected.json")
        let ours = Dictionary(uniqueKeysWithValues: model.importance.map { ($0.feature, $0) })
        let kinds: [(String, (Booster.FeatureImportance) -> Double)] = [
            ("weight", { Double($0.weight) }), ("gain", \.gain), ("cover", \.cover), ("total_gain", \.totalGain), ("total_cover", \.totalCover),
        ]
        for (kind, value) in kinds {
            guard case .object(let scores)? = expected[kind] else { Issue.record("no \(kind) in the fixture"); continue }
            #expect(scores.count == 4, "\(kind): XGBoost scores the four features that split")
            for (feature, score) in scores {
                guard case .double(let theirs) = score, let row = ours[feature] else { Issue.record("\(kind) \(feature)"); continue }
                // XGBoost sums in float32; the relative difference stays far below 1e-5.
                #expect(abs(value(row) - theirs) <= 1e-5 * max(1, abs(theirs)), "\(kind) of \(feature): \(value(row)) vs \(theirs)")
            }
        }
        // The feature no tree splits on: XGBoost leaves it out; sluice says weight 0.
        #expect(ours["unused_noise"]?.weight == 0 && ours["unused_noise"]?.gain == 0)
    }
}
