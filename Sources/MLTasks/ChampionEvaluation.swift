import Basics
import Foundation
import Tabular

/// Scores the production (champion) bundle on the challenger's test split, so the
/// two are compared on the same rows even when production was exported from
/// other data.
///
/// The test split is stored prepared by the challenger's preprocessor; undoing its
/// scaling gives the rows in original units (imputed and clipped, as both models
/// would see them), which the champion's own preprocessor then prepares.
package struct ChampionEvaluation: Sendable {
    /// The challenger's test split (prepared, with the target).
    package var testData: String
    /// The challenger's preprocessor, which prepared `testData`.
    package var preprocessor: String

    /// Creates a scorer.
    package init(testData: String, preprocessor: String) {
        self.testData = testData
        self.preprocessor = preprocessor
    }

    /// The champion bundle's metrics on the test rows.
    package func score(bundle: String) throws -> [String: Double] {
        let challenger = try Preprocessor.load(path: preprocessor)
        let prepared = try ModelColumns.readCSV(testData, categories: challenger.nativeFeatures)
        let original = try challenger.scaler.inverseTransform(prepared)
        let temporary = NSTemporaryDirectory() + "sluice-champion-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).csv"
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        try CSVWriter.write(original, to: temporary)
        var options = EvaluateTask.Options(modelPath: bundle, dataPath: temporary)
        options.target = challenger.target
        let result = try EvaluateTask(options: options).run()
        return Dictionary(result.metrics.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }
}
