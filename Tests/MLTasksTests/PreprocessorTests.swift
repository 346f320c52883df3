import Basics
import MLTasks
import Tabular
import Testing
import _TestSupport

@Suite struct PreprocessorTests {
    static let preprocessor = Preprocessor(
        target: "y", features: ["b", "a"], imputationStrategy: "median",
        imputer: FittedImputer(fillValues: ["a": 2, "b": 10]),
        clipper: FittedClipper(bounds: ["a": 0...5, "b": -100...100]),
        scaler: FittedScaler(kind: .standard, centers: ["a": 1, "b": 10], scales: ["a": 2, "b": 5])!)

    @Test func appliesImputeClipScaleInFeatureOrder() throws {
        let table = try Table([("a", .numeric([1, .nan, 9])), ("y", .numeric([0, 0, 0])), ("b", .numeric([.nan, 20, 0]))])
        let result = try Self.preprocessor.transform(table, source: "input.csv")
        #expect(result.columnNames == ["b", "a"])
        #expect(try result.numericColumn(named: "a") == [0, 0.5, 2])  // 9 clipped to 5: (5-1)/2
        #expect(try result.numericColumn(named: "b") == [0, 2, -2])
    }

    @Test func missingFeatureIsNamed() throws {
        let table = try Table([("a", .numeric([1]))])
        #expect(throws: Diagnostic.self) { try Self.preprocessor.transform(table, source: "new.csv") }
        do {
            _ = try Self.preprocessor.transform(table, source: "new.csv")
        } catch let diagnostic as Diagnostic {
            #expect(diagnostic.message == "new.csv lacks feature column 'b'")
        }
    }

    @Test func roundTripsThroughJSON() throws {
        let json = Self.preprocessor.json
        #expect(try Preprocessor(json: json, file: "p.json") == Self.preprocessor)
    }
}

@Suite struct ParamsSectionTests {
    static func section(_ yaml: String) throws -> ParamsSection {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("params.yaml", yaml)
        return try ParamsSection.load(path: path, displayName: "params.yaml", section: "train")
    }

    @Test func readsTypedValuesWithDefaults() throws {
        let section = try Self.section("train:\n  lr: 0.3\n  depth: 4\n  shuffle: false\n  kind: fast\n")
        #expect(try section.double("lr", default: 0.1, in: 0...1) == 0.3)
        #expect(try section.int("depth", default: 6) == 4)
        #expect(try section.int("missing", default: 6) == 6)
        #expect(try section.bool("shuffle", default: true) == false)
        #expect(try section.string("kind", default: nil, choices: ["fast", "slow"]) == "fast")
    }

    @Test func outOfRangeIsLocated() throws {
        let section = try Self.section("train:\n  lr: 3\n")
        do {
            _ = try section.double("lr", default: 0.1, in: 0...1)
            Issue.record("expected an error")
        } catch let diagnostic as Diagnostic {
            #expect(diagnostic.description == "params.yaml:2:7: error: train.lr must be a number in [0.0, 1.0], not '3'")
        }
    }

    @Test func unknownKeysSuggest() throws {
        let section = try Self.section("train:\n  learning_rat: 0.3\n")
        do {
            try section.checkKeys(["learning_rate", "max_depth"])
            Issue.record("expected an error")
        } catch let list as DiagnosticList {
            #expect(list.diagnostics.first?.hint == "did you mean 'learning_rate'?")
        }
    }

    @Test func absentFileReadsAsDefaults() throws {
        let section = try ParamsSection.load(path: "/nonexistent/params.yaml", displayName: "params.yaml", section: "train")
        #expect(try section.int("depth", default: 6) == 6)
    }
}
