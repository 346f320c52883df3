import Foundation
import GradientBoosting

extension FuzzTarget {
    /// A model file, read as `ml predict` and `ml evaluate` read it, used for one
    /// prediction (with a missing value, an extreme one and ordinary ones), its
    /// feature importance computed; a model that reads must write a file that reads.
    static func runModel(_ bundle: FuzzBundle, in sandbox: FuzzSandbox) throws -> FuzzOutcome {
        let booster = try Booster.load(path: sandbox.path(of: "model.json", format: .model), displayName: "model.json")
        let row: [Double] = [0.5, .nan, -3, 1e300, 7, 0]
        let columns = booster.featureNames.indices.map { [row[$0 % row.count]] }
        _ = booster.predict(columns: columns, threads: 1)
        _ = booster.featureImportance
        let written = booster.xgboostJSON()
        guard let again = try? Booster(xgboostJSON: Data(written.utf8), file: "model.json"), again.xgboostJSON() == written else {
            return .mismatch("the model read does not read back the same once written")
        }
        return .accepted
    }
}
