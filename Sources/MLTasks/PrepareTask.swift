import Basics
import GradientBoosting
import Tabular

/// `ml prepare`: split, impute, clip and scale a raw table, fitting every statistic
/// on the training split only, and write the two splits plus ONE preprocessor file
/// that training, export and prediction all apply.
package struct PrepareTask: Sendable {
    /// What preparation did.
    package struct Result: Sendable {
        /// Rows read.
        package var inputRows: Int
        /// Rows dropped as duplicates or for missing values (drop strategy or missing target).
        package var droppedRows: Int
        /// Rows in the train split.
        package var trainRows: Int
        /// Rows in the test split.
        package var testRows: Int
        /// What the train, test and preprocessor files hold.
        package var preprocessor: Preprocessor
        /// Per feature, how many values were ±infinity and so taken as missing (only features that had some).
        package var infiniteAsMissing: [(column: String, count: Int)] = []
        /// What a person should know about the data, in sentences.
        package var warnings: [String] = []
        /// The training split as read, before any encoding or scaling (what a reference profile summarises).
        package var rawTrain = Table()
    }

    /// The task's configuration.
    package var configuration: PrepareConfiguration

    /// Creates the task.
    package init(configuration: PrepareConfiguration) { self.configuration = configuration }

    /// Prepares `input` (named `inputName` in errors) and returns the two splits and the result.
    package func run(_ input: Table, inputName: String) throws -> (train: Table, test: Table, result: Result) {
        guard let target = configuration.target else {
            throw Diagnostic.error("no target column", hint: "give --target, or set prepare.target in params.yaml")
        }
        // ±infinity is missing in every step, before any statistic sees it.
        let candidates = input.columnNames.filter { $0 != target }
        let infinite = InfiniteValues.count(in: input, columns: candidates)
        let input = try InfiniteValues.asMissing(input, columns: candidates)
        let rawFeatures = try checkedFeatures(input, target: target, inputName: inputName)
        let targetValues = try input.numericColumn(named: target)
        if let row = targetValues.firstIndex(where: \.isInfinite) {
            throw TaskFailure("\(inputName): row \(row + 2): the target '\(target)' is \(TrainingSet.describe(targetValues[row]))",
                              hint: "a target must be a finite number; fix or remove the row")
        }
        var table = configuration.removeDuplicates ? input.removingDuplicateRows() : input
        // A row without a target cannot be learned from or scored.
        let targetColumn = try table.column(named: target)
        let labelled = (0..<table.rowCount).filter { !targetColumn.isMissing(at: $0) }
        if labelled.count != table.rowCount { table = table.takingRows(labelled) }
        let dropColumns = rawFeatures.filter { (configuration.imputer.overrides[$0] ?? configuration.imputer.strategy) == .drop }
        if !dropColumns.isEmpty { table = try FittedImputer(fillValues: [:], dropColumns: dropColumns).transform(table) }
        let stratify = configuration.stratify ? try table.numericColumn(named: target) : nil
        let split = try trainTestSplit(rows: table.rowCount, testSize: configuration.testSize, seed: configuration.seed,
                                       shuffle: configuration.shuffle, stratify: stratify)
        let train = table.takingRows(split.train), test = table.takingRows(split.test)

        let raw = rawFeatures
        let (encoders, outOfFold) = try fitEncoders(train, features: raw, target: target)
        // Training rows carry their out-of-fold target encodings, never their own target's.
        let fullyEncoded = try Preprocessor.encoding(train, inputs: raw, encoders: encoders)
        let encodedTrain = try Table(fullyEncoded.columnNames.map { name in
            (name, try outOfFold[name] ?? fullyEncoded.column(named: name))
        })
        let features = encodedTrain.columnNames
        // Native category features reach the trees as categories: nothing to fill, clip or scale.
        let numericFeatures = features.filter { encoders[$0]?.keepsCategories != true }
        let fillColumns = raw.filter { !dropColumns.contains($0) && encoders[$0]?.keepsCategories != true }
            .flatMap { encoders[$0]?.outputNames($0) ?? [$0] }
        let imputer = try Imputer(strategy: configuration.imputer.strategy == .drop ? .median : configuration.imputer.strategy,
                                  overrides: configuration.imputer.overrides.filter { $0.value != .drop })
            .fit(encodedTrain, columns: fillColumns)
        let imputed = try imputer.transform(encodedTrain)
        let clipper = try configuration.clipping.map { try OutlierClipper($0).fit(imputed, columns: numericFeatures) }
        let clipped = try clipper?.transform(imputed) ?? imputed
        let scaler = try Scaler(configuration.scaling).fit(clipped, columns: numericFeatures)
        let preprocessor = Preprocessor(
            target: target, features: features, imputationStrategy: configuration.imputer.strategy.description,
            imputer: imputer, clipper: clipper, scaler: scaler, inputs: raw, encoders: encoders)
        if let place = preprocessor.firstNonFiniteParameter {
            throw TaskFailure("\(inputName): \(place) is not a finite number", hint: "the column's values are too large to fit; scale them down")
        }
        var result = Result(inputRows: input.rowCount, droppedRows: input.rowCount - table.rowCount,
                            trainRows: train.rowCount, testRows: test.rowCount, preprocessor: preprocessor,
                            infiniteAsMissing: infinite, warnings: InfiniteValues.warning(infinite, source: inputName).map { [$0] } ?? [])
        result.rawTrain = train
        let trainOut = try preprocessor.transformEncoded(encodedTrain).appending(train.column(named: target), named: target)
        return (trainOut, try withTarget(preprocessor, test, target, inputName), result)
    }

    /// The encoders of the category and date columns among `features`, fitted on
    /// `train`, and the out-of-fold values of its target-encoded columns.
    private func fitEncoders(_ train: Table, features: [String], target: String) throws
        -> (encoders: [String: ColumnEncoder], outOfFold: [String: Column]) {
        var encoders: [String: ColumnEncoder] = [:], outOfFold: [String: Column] = [:]
        for name in features {
            let choice = configuration.encoding.choice(for: name)
            switch train[name] {
            case .category(let column)? where choice.method == "target":
                let encoder = TargetEncoder(folds: choice.folds, smoothing: choice.smoothing, seed: configuration.seed,
                                            handleUnknown: choice.onehot.handleUnknown)
                let (fitted, values) = try encoder.fitOutOfFold(column, target: train.numericColumn(named: target), name: name)
                encoders[name] = .target(fitted)
                outOfFold[name] = values
            case .category(let column)? where choice.method == "native":
                encoders[name] = .native(NativeCategoryEncoder.fit(column, handleUnknown: choice.onehot.handleUnknown))
            case .category(let column)?:
                encoders[name] = choice.method == "ordinal"
                    ? .ordinal(try OrdinalEncoder(order: choice.order, handleUnknown: choice.onehot.handleUnknown).fit(column, name: name))
                    : .onehot(choice.onehot.fit(column))
            case .datetime?:
                encoders[name] = .dateParts(choice.dateParts)
            default:
                break
            }
        }
        return (encoders, outOfFold)
    }

    /// Every column but the target, none of them entirely missing.
    private func checkedFeatures(_ input: Table, target: String, inputName: String) throws -> [String] {
        guard input.index(ofColumn: target) != nil else {
            throw TaskFailure("\(inputName) has no target column '\(target)'",
                              hint: Suggestion.closest(to: target, among: input.columnNames).map { "did you mean '\($0)'?" }
                                  ?? "its columns are: \(input.columnNames.joined(separator: ", "))")
        }
        guard input[target]?.isNumeric == true else {
            throw TaskFailure("target column '\(target)' of \(inputName) is not numeric")
        }
        let features = input.columnNames.filter { $0 != target }
        for name in features {
            guard let column = input[name] else { continue }
            if column.missingCount == column.count && column.count > 0 {
                throw TaskFailure("column '\(name)' of \(inputName) has no values at all", hint: "remove the column")
            }
        }
        return features
    }

    private func withTarget(_ preprocessor: Preprocessor, _ split: Table, _ target: String, _ name: String) throws -> Table {
        try preprocessor.transform(split, source: "the test split of \(name)").appending(split.column(named: target), named: target)
    }
}
