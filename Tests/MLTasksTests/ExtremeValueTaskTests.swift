import Basics
import Foundation
import GradientBoosting
import MLTasks
import Tabular
import Testing
import _TestSupport

/// Infinite and huge values in the data the ML steps read: features are taken as
/// missing (and counted), a target no tree can learn is refused with its CSV row and
/// column, and no file written holds a number JSON cannot (which would be `null`).
@Suite struct ExtremeValueTaskTests {
    /// A CSV of `rows` rows with features a, b and target y; `a` of every fourth row is
    /// taken from `extremes` in turn, and `y` of row `badTargetRow` (0-based) is `badTarget`.
    static func csv(rows: Int = 120, extremes: [String] = [], badTargetRow: Int? = nil, badTarget: String = "inf") -> String {
        var generator = SeededGenerator(seed: 9)
        var lines = ["a,b,y"]
        for row in 0..<rows {
            let a = generator.nextUnit() * 10, b = generator.nextUnit()
            let aText = !extremes.isEmpty && row % 4 == 0 ? extremes[row / 4 % extremes.count] : "\(a)"
            let y = row == badTargetRow ? badTarget : "\(2 * a + b)"
            lines.append("\(aText),\(b),\(y)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func trainOptions(_ directory: TemporaryDirectory, train: String, valid: String? = nil) throws -> TrainTask.Options {
        var options = TrainTask.Options(trainPath: try directory.write("train.csv", train), modelPath: directory.url("model.json"))
        if let valid { options.validPath = try directory.write("valid.csv", valid) }
        options.target = "y"
        options.metricsPath = directory.url("metrics.json")
        options.paramsPath = try directory.write("params.yaml", "train:\n  n_estimators: 6\n  max_depth: 3\n")
        return options
    }

    @Test(arguments: [["inf"], ["-inf"], ["inf", "-inf"], ["1e308", "-1e308"], ["1.7976931348623157e308"], ["1e39"]])
    func infiniteFeaturesAreCountedAndTheModelReadsBack(extremes: [String]) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let options = try Self.trainOptions(directory, train: Self.csv(extremes: extremes), valid: Self.csv(rows: 40, extremes: extremes))
        let result = try TrainTask(options: options).run()
        for file in ["model.json", "metrics.json"] {
            // Nulls only where a value is absent, never for a number.
            let text = try directory.read(file).replacing(#/"(target|best_iteration)": ?null/#, with: "")
            #expect(!text.contains("null"), "\(file)")
        }
        let model = try Booster.load(path: options.modelPath)
        #expect(model.firstNonFiniteNumber == nil)
        #expect(result.metrics["infinite_as_missing"]?["train"]?["a"] == .int(30))
        #expect(result.metrics["infinite_as_missing"]?["valid"]?["a"] == .int(10))
        #expect(result.warnings.first?.hasPrefix("30 values of 'a' in \(options.trainPath) were infinite") == true)
        let evaluation = try EvaluateTask(options: EvaluateTask.Options(modelPath: options.modelPath, dataPath: options.trainPath)).run()
        #expect(evaluation.metrics.allSatisfy { $0.value.isFinite })
        #expect(evaluation.warnings.count == 1)
    }

    @Test func finiteFeaturesAddNothingToTheMetrics() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try TrainTask(options: Self.trainOptions(directory, train: Self.csv())).run()
        #expect(result.metrics["infinite_as_missing"] == nil && result.warnings.isEmpty)
    }

    @Test(arguments: ["inf", "-inf", "nan", "NA", "1e308", "-1e39"])
    func aTargetNoTreeCanLearnIsRefusedWithItsRow(target: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let options = try Self.trainOptions(directory, train: Self.csv(badTargetRow: 17, badTarget: target))
        let error = #expect(throws: TaskFailure.self) { try TrainTask(options: options).run() }
        #expect(error?.message.hasPrefix("\(options.trainPath): row 19: the target 'y' is ") == true, "\(error?.message ?? "")")
        #expect(error?.message.hasSuffix("which reg:squarederror cannot learn") == true)
        #expect(!FileManager.default.fileExists(atPath: options.modelPath))
    }

    @Test func aValidationTargetIsCheckedToo() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let options = try Self.trainOptions(directory, train: Self.csv(), valid: Self.csv(rows: 30, badTargetRow: 0))
        let error = #expect(throws: TaskFailure.self) { try TrainTask(options: options).run() }
        #expect(error?.message.hasPrefix("\(options.validPath ?? ""): row 2: the target 'y' is inf") == true)
    }

    @Test func evaluationRefusesALabelWithoutAnError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let options = try Self.trainOptions(directory, train: Self.csv())
        _ = try TrainTask(options: options).run()
        let data = try directory.write("scored.csv", Self.csv(rows: 20, badTargetRow: 4, badTarget: "-inf"))
        var evaluate = EvaluateTask.Options(modelPath: options.modelPath, dataPath: data)
        evaluate.metricsPath = directory.url("evaluation.json")
        let error = #expect(throws: TaskFailure.self) { try EvaluateTask(options: evaluate).run() }
        #expect(error?.message.hasPrefix("\(data): row 6: the target 'y' is -inf") == true)
        #expect(!FileManager.default.fileExists(atPath: directory.url("evaluation.json")))
    }
}

@Suite struct ExtremeValuePrepareTests {
    static func table(_ extremes: [Double], target: [Double]? = nil) throws -> Table {
        let rows = 40
        let a = (0..<rows).map { $0 % 5 == 0 ? extremes[$0 / 5 % extremes.count] : Double($0) }
        let b = (0..<rows).map { Double($0 % 7) }
        return try Table([("a", .numeric(a)), ("b", .numeric(b)), ("y", .numeric(target ?? (0..<rows).map(Double.init)))])
    }

    static let clippings: [OutlierClipper.Method?] = [nil, .iqr(k: 1.5), .iqr(k: 0), .zscore(threshold: 3)]

    @Test(arguments: [
        [Double.infinity], [-Double.infinity], [Double.infinity, -Double.infinity], [1e308, -1e308], [1e200],
        [Double.greatestFiniteMagnitude, -Double.greatestFiniteMagnitude],
    ], Scaler.Kind.allCases)
    func fittedParametersAreFiniteAndReadBack(extremes: [Double], scaling: Scaler.Kind) throws {
        for clipping in Self.clippings {
            var configuration = PrepareConfiguration()
            (configuration.target, configuration.scaling, configuration.clipping) = ("y", scaling, clipping)
            let (train, test, result) = try PrepareTask(configuration: configuration).run(Self.table(extremes), inputName: "raw.csv")
            let preprocessor = result.preprocessor
            #expect(preprocessor.firstNonFiniteParameter == nil, "\(scaling) \(String(describing: clipping))")
            let text = JSONWriter.pretty.string(preprocessor.json)
            #expect(!text.contains("null") || clipping == nil && text.components(separatedBy: "null").count == 2)
            #expect(try Preprocessor(json: try JSONReader.parse(text), file: "p.json") == preprocessor)
            for split in [train, test] {
                #expect(try split.numericColumn(named: "a").allSatisfy { $0.isFinite }, "\(scaling) \(String(describing: clipping))")
            }
        }
    }

    @Test func infinityIsCountedAndServedAsMissing() throws {
        var configuration = PrepareConfiguration()
        (configuration.target, configuration.scaling) = ("y", .standard)
        let (_, _, result) = try PrepareTask(configuration: configuration).run(Self.table([.infinity, -.infinity]), inputName: "raw.csv")
        #expect(result.infiniteAsMissing.map(\.column) == ["a"] && result.infiniteAsMissing.first?.count == 8)
        #expect(result.warnings == ["8 values of 'a' in raw.csv were infinite (or beyond float32's range) and taken as missing"])
        let serving = try Table([("a", .numeric([.infinity, -.infinity, .nan])), ("b", .numeric([1, 1, 1]))])
        let transformed = try result.preprocessor.transform(serving, source: "new.csv").numericColumn(named: "a")
        #expect(transformed[0] == transformed[2] && transformed[1] == transformed[2])
    }

    @Test(arguments: [Double.infinity, -Double.infinity])
    func anInfiniteTargetIsRefusedWithItsRow(target: Double) throws {
        var configuration = PrepareConfiguration()
        configuration.target = "y"
        var targets = (0..<40).map(Double.init)
        targets[9] = target
        let error = #expect(throws: TaskFailure.self) {
            try PrepareTask(configuration: configuration).run(Self.table([1]).replacingTarget(targets), inputName: "raw.csv")
        }
        #expect(error?.message == "raw.csv: row 11: the target 'y' is \(target > 0 ? "inf" : "-inf")")
    }

    @Test(arguments: ["fill_value: .inf", "fill_value: -.inf", "fill_value: 1e999"])
    func paramsRealsMustBeFinite(line: String) throws {
        let section = try ParamsSectionTests.section("train:\n  \(line)\n")
        #expect(throws: Diagnostic.self) { try section.double("fill_value", default: 0) }
    }

    @Test func preprocessorFilesWithNonFiniteNumbersAreRejected() throws {
        let text = JSONWriter.pretty.string(PreprocessorTests.preprocessor.json)
        let broken = text.replacing(#/"a": 2(\.0)?/#, with: "\"a\": 1e999")
        #expect(broken != text)
        #expect(throws: Diagnostic.self) { try Preprocessor(json: try JSONReader.parse(broken), file: "p.json") }
    }
}

extension Table {
    /// This table with column y replaced.
    fileprivate func replacingTarget(_ values: [Double]) throws -> Table {
        var table = self
        try table.replace("y", with: .numeric(values))
        return table
    }
}
