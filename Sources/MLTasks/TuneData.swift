import Basics
import Foundation
import GradientBoosting

/// The training table of a search, read as `ml train` reads it: the preprocessor's
/// target and feature order, category codes fitted on these rows.
struct TuneData {
    /// Features and labels.
    let set: TrainingSet
    /// The features' names.
    let featureNames: [String]
    /// The target column's name.
    let target: String
    /// What a person should know about the data.
    let warnings: [String]

    /// Reads `options.trainPath`, checking its labels suit `objective`.
    init(options: TuneTask.Options, objective: Objective) throws {
        var preprocessor: Preprocessor?
        if let path = options.preprocessorPath {
            preprocessor = try Preprocessor.load(path: path)
        } else if options.target == nil, FileManager.default.fileExists(atPath: TrainTask.defaultPreprocessorPath) {
            preprocessor = try Preprocessor.load(path: TrainTask.defaultPreprocessorPath)
        }
        let (columns, featureNames, target) = try TrainTask.trainingColumns(
            path: options.trainPath, target: options.target, preprocessor: preprocessor, objective: objective)
        set = TrainingSet(columns: columns.features, labels: columns.target ?? [], featureTypes: columns.featureTypes)
        self.featureNames = featureNames
        self.target = target
        warnings = columns.warnings
    }
}
