import Basics
import MLTasks
import Tabular
import Testing

@Suite struct PrepareTaskTests {
    /// x: 1, NaN, 3 | 100, NaN, 7 — without shuffling, the last half is the test split.
    static let table = try! Table([("x", .numeric([1, .nan, 3, 100, .nan, 7])), ("y", .numeric([1, 2, 3, 4, 5, 6]))])

    static func configuration(_ change: (inout PrepareConfiguration) -> Void = { _ in }) -> PrepareConfiguration {
        var configuration = PrepareConfiguration()
        configuration.target = "y"
        configuration.testSize = 0.5
        configuration.shuffle = false
        configuration.removeDuplicates = false
        configuration.scaling = .none
        change(&configuration)
        return configuration
    }

    @Test func fillValuesComeFromTheTrainingSplitOnly() throws {
        let (train, test, result) = try PrepareTask(configuration: Self.configuration()).run(Self.table, inputName: "t.csv")
        #expect(result.preprocessor.imputer.fillValues["x"] == 2)  // median of 1 and 3, not of 1, 3, 100, 7
        #expect(try train.numericColumn(named: "x") == [1, 2, 3])
        #expect(try test.numericColumn(named: "x") == [100, 2, 7])
        #expect(try test.numericColumn(named: "y") == [4, 5, 6])
    }

    @Test func scalerIsFittedOnTrainAndAppliedToBoth() throws {
        let configuration = Self.configuration { $0.scaling = .minmax }
        let (train, test, _) = try PrepareTask(configuration: configuration).run(Self.table, inputName: "t.csv")
        #expect(try train.numericColumn(named: "x") == [0, 0.5, 1])
        #expect(try test.numericColumn(named: "x") == [49.5, 0.5, 3])
    }

    @Test func dropStrategyDropsRowsBeforeSplitting() throws {
        let configuration = Self.configuration { $0.imputer = Imputer(strategy: .drop) }
        let (train, test, result) = try PrepareTask(configuration: configuration).run(Self.table, inputName: "t.csv")
        #expect(result.droppedRows == 2)
        #expect(try train.numericColumn(named: "x") == [1, 3])
        #expect(try test.numericColumn(named: "x") == [100, 7])
    }

    @Test func rowsWithoutATargetAreDropped() throws {
        let table = try Table([("x", .numeric([1, 2, 3, 4, 5])), ("y", .numeric([1, .nan, 3, 4, 5]))])
        let (_, _, result) = try PrepareTask(configuration: Self.configuration()).run(table, inputName: "t.csv")
        #expect(result.droppedRows == 1 && result.trainRows + result.testRows == 4)
    }
}

@Suite struct PrepareEncodingTests {
    static let table = try! Table([
        ("city", .category(strings: ["a", "b", "a", "b", "c", "a"])),
        ("when", .datetime([0, 86_400, 172_800, 259_200, 345_600, 432_000])),
        ("y", .numeric([1, 2, 3, 4, 5, 6])),
    ])

    @Test func categoryAndDateColumnsAreEncodedAndStored() throws {
        var configuration = PrepareTaskTests.configuration()
        configuration.encoding.defaultChoice.method = "onehot"
        configuration.encoding.defaultChoice.dateParts = DateParts(parts: [.dayofweek])
        let (train, test, result) = try PrepareTask(configuration: configuration).run(Self.table, inputName: "t.csv")
        #expect(train.columnNames == ["city=a", "city=b", "when_dayofweek", "y"])
        #expect(try train.numericColumn(named: "city=a") == [1, 0, 1])
        #expect(try test.numericColumn(named: "city=b") == [1, 0, 0])  // c was not in the training split
        #expect(try test.numericColumn(named: "when_dayofweek") == [6, 0, 1])  // 1970-01-04 was a Sunday
        let reread = try Preprocessor(json: result.preprocessor.json, file: "p.json")
        #expect(reread == result.preprocessor)
        #expect(try reread.transform(Self.table, source: "raw").columnNames == ["city=a", "city=b", "when_dayofweek"])
    }
}

@Suite struct PrepareNativeEncodingTests {
    @Test func categoriesPassAsCategoriesUnscaledAndUnseenOnesBecomeMissing() throws {
        var configuration = PrepareTaskTests.configuration()
        configuration.encoding.defaultChoice.dateParts = DateParts(parts: [.month])
        let (train, test, result) = try PrepareTask(configuration: configuration).run(PrepareEncodingTests.table, inputName: "t.csv")
        #expect(train.columnNames == ["city", "when_month", "y"])
        #expect(train["city"] == .category(strings: ["a", "b", "a"]))
        #expect(test["city"] == .category(strings: ["b", "", "a"]))  // c was not in the training split: missing
        #expect(result.preprocessor.nativeFeatures == ["city"])
        #expect(result.preprocessor.scaler.parameters["city"] == nil && result.preprocessor.imputer.fillValues["city"] == nil)
        #expect(result.preprocessor.scaler.parameters["when_month"] != nil)
        let reread = try Preprocessor(json: result.preprocessor.json, file: "p.json")
        #expect(reread == result.preprocessor)
        guard case .native(let encoder)? = reread.encoders["city"] else { Issue.record("city is not native"); return }
        #expect(encoder.categories == ["a", "b"])
    }

    @Test func anUnseenCategoryWithHandleUnknownErrorNamesTheFileColumnAndRow() throws {
        let preprocessor = Preprocessor(
            target: "y", features: ["city"], imputationStrategy: "median", imputer: FittedImputer(fillValues: [:]), clipper: nil,
            scaler: FittedScaler(kind: .standard, parameters: [:]), encoders: ["city": .native(NativeCategoryEncoder(categories: ["a"], handleUnknown: .error))])
        let new = try Table([("city", .category(strings: ["a", "z"]))])
        do {
            _ = try preprocessor.transform(new, source: "new.csv")
            Issue.record("an unseen category with handle_unknown: error was accepted")
        } catch {
            #expect("\(error)".contains("new.csv: column 'city', row 3: category 'z' was not in the training split"), "\(error)")
        }
    }
}

@Suite struct PrepareTargetEncodingTests {
    @Test func trainingRowsGetOutOfFoldValuesAndTheFileTheFullFit() throws {
        let table = try Table([("g", .category(strings: ["a", "a", "a", "a", "a", "a"])), ("y", .numeric([0, 10, 20, 30, 40, 50]))])
        var configuration = PrepareTaskTests.configuration()
        configuration.encoding.defaultChoice.method = "target"
        configuration.encoding.defaultChoice.folds = 2
        configuration.encoding.defaultChoice.smoothing = 0
        let (train, test, result) = try PrepareTask(configuration: configuration).run(table, inputName: "t.csv")
        // Train rows 0, 10, 20: the full fit gives a = 10, which the test rows get; the
        // training rows get the means of their other fold, never all 10.
        #expect(try test.numericColumn(named: "g") == [10, 10, 10])
        #expect(try train.numericColumn(named: "g") != [10, 10, 10])
        let reread = try Preprocessor(json: result.preprocessor.json, file: "p.json")
        #expect(reread == result.preprocessor)
    }
}
