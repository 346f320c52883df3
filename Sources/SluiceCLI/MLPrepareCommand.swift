import Basics
import CommandLineKit
import MLTasks

/// `sluice ml prepare`: split, impute, clip and scale; write the splits and the preprocessor.
struct MLPrepareCommand: RunnableCommand {
    static let input = Option<String>(long: "input", valueName: "path", help: "The raw data set (CSV).")
    static let target = Option<String?>(long: "target", valueName: "column", help: "The target column (default: prepare.target).")
    static let train = Option<String>(long: "train", valueName: "path", help: "Where the training split goes.")
    static let test = Option<String>(long: "test", valueName: "path", help: "Where the test split goes.")
    static let preprocessor = Option<String>(long: "preprocessor", valueName: "path", help: "Where the preprocessor file goes.")
    static let profile = Option<String?>(long: "profile", valueName: "path",
                                         help: "Where the reference profile of the training split goes (what 'ml drift' compares with).")
    static let json = Flag(long: "json", help: "Print a summary as JSON.")
    static let params = ParamsOptions.params
    static let section = ParamsOptions.section(default: "prepare")

    static let configuration = CommandConfiguration(
        name: "prepare",
        abstract: "Split, impute and scale a data set; write the splits and one preprocessor file.",
        discussion: """
            Every statistic (fill values, clipping bounds, scaler parameters) is fitted on \
            the training split only and applied to both; the target is never scaled. Options \
            come from the prepare section of params.yaml: target, test_size (0.2), seed (42), \
            shuffle (true), stratify (false), remove_duplicates (true), missing (median; or \
            {strategy, fill_value, columns: {COL: strategy}}), outliers ({method: iqr|zscore, \
            threshold}), scaling (standard|minmax|robust|none).
            """,
        arguments: [input, target, train, test, preprocessor, profile, json, params, section],
        examples: ["sluice ml prepare --input data/raw/housing.csv --target MEDV --train data/processed/train.csv --test data/processed/test.csv --preprocessor models/preprocessor.json"])

    let input: String, target: String?, train: String, test: String, preprocessor: String, profile: String?, json: Bool
    let params: String, section: String

    init(_ values: ParsedValues) throws {
        input = try values[Self.input]
        target = try values[Self.target]
        train = try values[Self.train]
        test = try values[Self.test]
        preprocessor = try values[Self.preprocessor]
        profile = try values[Self.profile]
        json = try values[Self.json]
        params = try values[Self.params]
        section = try values[Self.section]
    }

    func run(_ console: Console) throws -> ExitCode {
        var configuration = try PrepareConfiguration(ParamsSection.load(path: params, displayName: params, section: section))
        if let target { configuration.target = target }
        configuration.inheritedSchema = try ParamsSection.load(path: params, displayName: params, section: "ingest").schema()
        let result = try PrepareTask(configuration: configuration).run(
            .init(input: input, train: train, test: test, preprocessor: preprocessor, profile: profile))
        console.warn(result.warnings)
        let summary = JSONValue.object([
            ("input_rows", .int(result.inputRows)), ("dropped_rows", .int(result.droppedRows)),
            ("train_rows", .int(result.trainRows)), ("test_rows", .int(result.testRows)),
            ("features", .int(result.preprocessor.features.count)),
        ])
        if json { console.out(JSONWriter.pretty.string(summary)) }
        console.err("prepare: \(result.inputRows) rows (\(result.droppedRows) dropped) -> \(result.trainRows) train, "
            + "\(result.testRows) test; \(result.preprocessor.features.count) features, "
            + "\(configuration.imputer.strategy) imputation, \(configuration.scaling.rawValue) scaling -> \(preprocessor)")
        return .success
    }
}
