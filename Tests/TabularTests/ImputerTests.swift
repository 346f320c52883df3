import Basics
import Tabular
import Testing

@Suite struct ImputerTests {
    static func train() throws -> Table {
        try Table([
            ("a", .numeric([1, .nan, 3, 4, 4])),
            ("b", .numeric([10, 20, .nan, 20, 30])),
            ("label", .category(strings: ["x", "", "y", "x", "z"])),
        ])
    }

    @Test(arguments: [
        (ImputationStrategy.mean, 3.0, 20.0), (.median, 3.5, 20), (.mode, 4, 20), (.constant(-1), -1, -1),
    ])
    func learnsFillValues(strategy: ImputationStrategy, a: Double, b: Double) throws {
        let fitted = try Imputer(strategy: strategy).fit(Self.train())
        #expect(fitted.fillValues == ["a": a, "b": b])
        #expect(fitted.dropColumns.isEmpty)
    }

    @Test func fillsAnotherTableWithTrainingValues() throws {
        let fitted = try Imputer(strategy: .mean).fit(Self.train())
        let test = try Table([("a", .numeric([.nan, 7])), ("b", .numeric([.nan, .nan])), ("label", .category(strings: ["", "q"]))])
        let filled = try fitted.transform(test)
        #expect(filled["a"] == .numeric([3, 7]))
        #expect(filled["b"] == .numeric([20, 20]))
        #expect(filled["label"] == .category(strings: ["", "q"]))
    }

    @Test func overridesAndDrop() throws {
        let imputer = Imputer(strategy: .median, overrides: ["b": .constant(0), "label": .drop])
        let fitted = try imputer.fit(Self.train())
        #expect(fitted.fillValues == ["a": 3.5, "b": 0])
        #expect(fitted.dropColumns == ["label"])
        let result = try fitted.transform(Self.train())
        #expect(result.rowCount == 4)
        #expect(result["a"] == .numeric([1, 3, 4, 4]))
        #expect(result["b"] == .numeric([10, 0, 20, 30]))
    }

    @Test func dropRemovesRowsWithAnyMissingChosenCell() throws {
        let fitted = try Imputer(strategy: .drop).fit(Self.train(), columns: ["a", "b"])
        #expect(fitted.fillValues.isEmpty)
        #expect(try fitted.transform(Self.train())["a"] == .numeric([1, 4, 4]))
    }

    @Test func fittedValuesAreRebuiltFromPlainData() throws {
        let fitted = try Imputer(strategy: .mean).fit(Self.train())
        let stored = FittedImputer(fillValues: fitted.fillValues, dropColumns: fitted.dropColumns)
        #expect(try stored.transform(Self.train()) == (try fitted.transform(Self.train())))
    }

    @Test func explainsWhatCannotBeImputed() throws {
        let text = #expect(throws: Diagnostic.self) { try Imputer(overrides: ["label": .mean]).fit(Self.train()) }
        #expect(text?.message == "column 'label' holds text, so it cannot be filled with a mean")
        let empty = try Table([("e", .numeric([.nan, .nan]))])
        let none = #expect(throws: Diagnostic.self) { try Imputer(strategy: .median).fit(empty) }
        #expect(none?.message == "column 'e' has no values to compute its median from")
        #expect(text?.cause == .failure && none?.cause == .failure)
        #expect(throws: Diagnostic.self) { try Imputer(overrides: ["nope": .mean]).fit(Self.train()) }
        let fitted = try Imputer().fit(Self.train())
        #expect(throws: Diagnostic.self) { try fitted.transform(Table([("a", .numeric([1]))])) }
    }

    @Test(arguments: [("mean", nil, ImputationStrategy.mean), ("most_frequent", nil, .mode), ("constant", 2, .constant(2))]
          as [(String, Double?, ImputationStrategy)])
    func strategiesFromConfigurationNames(name: String, constant: Double?, expected: ImputationStrategy) {
        #expect(ImputationStrategy(name: name, constant: constant) == expected)
        #expect(ImputationStrategy(name: "constant") == nil)
        #expect(ImputationStrategy(name: "average") == nil)
    }
}
