import Basics
import Drift
import Foundation
import Tabular

/// `sluice ml drift`: compares current data with the reference a model was trained
/// on, column by column, and grades the drift (none, moderate, severe, critical) by
/// the `drift` section's rules, so a schedule can decide whether to retrain.
package struct DriftTask: Sendable {
    /// Inputs and outputs.
    package struct Options: Sendable {
        /// A CSV, a reference profile, or a model bundle holding one.
        package var referencePath: String
        /// The current data (CSV).
        package var currentPath: String
        /// A model (file or bundle) whose predictions are compared too.
        package var modelPath: String?
        /// The target column, compared when both sides have it (default: the model's).
        package var target: String?
        /// Columns on one side only are errors instead of notes.
        package var strict = false
        /// The params file and its section.
        package var paramsPath = "params.yaml"
        /// The section holding the options.
        package var section = "drift"

        /// Options with the two data sources.
        package init(referencePath: String, currentPath: String) {
            self.referencePath = referencePath
            self.currentPath = currentPath
        }
    }

    /// The options.
    package let options: Options

    /// A task with `options`.
    package init(options: Options) { self.options = options }

    /// Compares the two data sets.
    package func run() throws -> DriftReport {
        let configuration = try DriftConfiguration(ParamsSection.load(path: options.paramsPath, displayName: options.paramsPath, section: options.section))
        let reference = try DriftReference.load(options.referencePath, keepingRows: options.modelPath != nil)
        let table = try ModelColumns.readCSV(options.currentPath, categories: reference.textColumns)
        guard table.rowCount > 0 else {
            throw TaskFailure("\(options.currentPath) has no rows", hint: "drift needs a batch of at least one row")
        }
        let model = try options.modelPath.map { try ModelInputs(ModelLocation(model: $0, preprocessor: nil)) }
        let target = options.target ?? model?.model.targetName ?? model?.preprocessor?.target ?? bundledTarget()
        let currentRows = table.rowCount
        // Without a model the rows are not needed once their columns are converted.
        let current: Table? = model == nil ? nil : table
        let converted = DriftColumn.columns(taking: (consume table).takeColumns())
        let currentColumns = Dictionary(converted.map { ($0.name, $0.column) }, uniquingKeysWith: { first, _ in first })
        let referenceNames = reference.columns.map(\.name)
        let shared = referenceNames.filter { currentColumns[$0] != nil && $0 != target }
        let onlyReference = referenceNames.filter { currentColumns[$0] == nil && $0 != target }
        let onlyCurrent = converted.map(\.name).filter { !referenceNames.contains($0) && $0 != target }
        if options.strict, !onlyReference.isEmpty || !onlyCurrent.isEmpty {
            throw TaskFailure("the columns differ: only in the reference: \(Self.list(onlyReference)); only in \(options.currentPath): \(Self.list(onlyCurrent))",
                              hint: "compare data with the same columns, or leave out --strict to compare the shared ones")
        }
        guard !shared.isEmpty else {
            throw TaskFailure("\(options.currentPath) shares no column with the reference",
                              hint: "the reference has: \(referenceNames.prefix(20).joined(separator: ", "))")
        }
        let alpha = configuration.alpha(tested: shared.count)
        let features = try Parallel.map(shared.count, threads: ProcessInfo.processInfo.activeProcessorCount) { index in
            let name = shared[index]
            return Result { try compare(name, reference[name], currentColumns[name], configuration, alpha: alpha) }
        }.map { try $0.get() }
        var outputs: [FeatureDrift] = []
        if let target, let column = reference[target], let currentColumn = currentColumns[target] {
            var drift = try compare(target, column, currentColumn, configuration, alpha: configuration.pValue)
            drift.name = "target"
            outputs.append(drift)
        }
        var notes: [String] = []
        if let model, let current {
            if let prediction = try predictionDrift(model, reference: reference, current: current, configuration) {
                outputs.insert(prediction, at: 0)
            } else {
                notes.append("prediction drift needs reference rows (a CSV) or a bundle whose profile holds predictions (ml export --profile --data)")
            }
        }
        let (level, share) = configuration.level(features: features, outputs: outputs)
        let sorted = features.enumerated().sorted { a, b in
            a.element.level != b.element.level ? a.element.level > b.element.level : a.offset < b.offset
        }.map(\.element)
        return DriftReport(level: level, share: share, features: sorted, prediction: outputs.first { $0.name == "prediction" },
                           target: outputs.first { $0.name == "target" }, onlyInReference: onlyReference, onlyInCurrent: onlyCurrent,
                           referenceRows: reference.rowCount, currentRows: currentRows, notes: notes)
    }

    private func compare(_ name: String, _ reference: DriftReference.Column?, _ current: DriftColumn?,
                         _ configuration: DriftConfiguration, alpha: Double) throws -> FeatureDrift {
        guard let reference, let current else { throw TaskFailure("column '\(name)' is missing") }
        switch (reference, current) {
        case (.numeric(let numeric), .numeric(let sample)):
            return configuration.numeric(name, reference: numeric, current: sample, alpha: alpha)
        case (.numeric(let numeric), .categorical(let counts, true)):
            // A batch whose values happen to be only 0 and 1 is still numbers.
            guard let numbers = DriftColumn.numbers(counts) else { throw tooMany(name) }
            return configuration.numeric(name, reference: numeric, current: numbers, alpha: alpha)
        case (.categorical(let sample, true, _), .numeric(let numbers)):
            // So is a reference that held only 0s and 1s, when the batch holds other numbers.
            guard let reference = DriftColumn.numbers(sample) else { throw tooMany(name) }
            return configuration.numeric(name, reference: .sample(reference), current: numbers, alpha: alpha)
        case (.categorical(let sample, let boolean, let profile), .categorical(let counts, let currentBoolean)) where boolean == currentBoolean || !boolean:
            let (referenceSample, currentSample) = profile?.comparable(with: counts) ?? (sample, counts)
            return configuration.categorical(name, reference: referenceSample, current: currentSample, boolean: boolean, alpha: alpha)
        default:
            throw TaskFailure("column '\(name)' is \(reference.kind) in the reference but \(current.kind) in \(options.currentPath)",
                              hint: "the two data sets must give each column the same type; fix the data or declare its type in the schema")
        }
    }

    private func tooMany(_ name: String) -> TaskFailure {
        TaskFailure("column '\(name)' counts more than \(DriftColumn.maxExpandedRows) rows of 0 and 1, too many to compare as numbers",
                    hint: "check the reference profile; a damaged one can claim any count")
    }

    /// The drift of the model's predictions, when the reference has rows to predict.
    private func predictionDrift(_ model: ModelInputs, reference: DriftReference, current: Table,
                                 _ configuration: DriftConfiguration) throws -> FeatureDrift? {
        guard let table = reference.table else {
            guard let predictions = reference.predictions else { return nil }
            let currentColumns = try model.columns(of: current, target: nil, requireTarget: false, source: options.currentPath)
            return configuration.numeric("prediction", reference: predictions,
                                         current: NumericSample(model.model.predict(columns: currentColumns.features)), alpha: configuration.pValue)
        }
        let referenceColumns = try model.columns(of: table, target: nil, requireTarget: false, source: options.referencePath)
        let currentColumns = try model.columns(of: current, target: nil, requireTarget: false, source: options.currentPath)
        let referencePredictions = NumericSample(model.model.predict(columns: referenceColumns.features))
        let currentPredictions = NumericSample(model.model.predict(columns: currentColumns.features))
        return configuration.numeric("prediction", reference: .sample(referencePredictions), current: currentPredictions,
                                     alpha: configuration.pValue)
    }

    /// The target named by the preprocessor of a bundle given as the reference.
    private func bundledTarget() -> String? {
        let path = (options.referencePath as NSString).appendingPathComponent("preprocessor.json")
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return (try? Preprocessor.load(path: path))?.target
    }

    private static func list(_ names: [String]) -> String { names.isEmpty ? "none" : names.map { "'\($0)'" }.joined(separator: ", ") }
}
