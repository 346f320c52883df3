import Basics
import GradientBoosting
import Tabular

/// A model with the preprocessor that turns raw input into its features, loaded together.
struct ModelInputs {
    /// The model.
    var model: Booster
    /// The preprocessor to apply first, when the input is raw.
    var preprocessor: Preprocessor?

    /// Loads the model (and preprocessor) at `location`.
    init(_ location: ModelLocation) throws {
        model = try TrainTask.asTaskFailure { try Booster.load(path: location.modelPath) }
        preprocessor = try location.preprocessorPath.map { try Preprocessor.load(path: $0) }
    }

    /// The input columns that hold categories: those the preprocessor encodes as
    /// categories, or else the model's categorical features.
    var categoryColumns: [String] {
        if let preprocessor { return preprocessor.categoryInputs }
        return zip(model.featureNames, model.categoryNames).filter { !$1.isEmpty }.map(\.0)
    }

    /// The model's feature columns of `table` (after the preprocessor, when there is
    /// one) and its target column when present; `source` names the file in errors.
    func columns(of table: Table, target: String?, requireTarget: Bool, source: String) throws -> ModelColumns {
        let targetName = target ?? model.targetName ?? preprocessor?.target
        var features = table
        if let preprocessor {
            features = try preprocessor.transform(table, source: source)
            if let targetName, let column = table[targetName], features.index(ofColumn: targetName) == nil {
                try features.append(column, named: targetName)
            }
        }
        return try ModelColumns(features, features: model.featureNames, target: targetName, requireTarget: requireTarget, source: source,
                                categories: .apply(names: model.categoryNames))
    }
}
