import Basics
import Experiments
import Testing

@Suite struct ParamsEditorTests {
    static let params = """
        # Parameters of the pipeline.
        train:
          n_estimators: 100   # trees
          max_depth: 6
          objective: "reg:squarederror"
          booster: 'gbtree'
          layers: [64, 32]
        prepare:
          missing: median
          ranges:
            RM: [3, 9]

        """

    static func assign(_ key: String, _ value: JSONValue, _ text: String, file: String = "params.yaml") -> ParamAssignment {
        ParamAssignment(file: file, key: key, value: value, yamlText: text)
    }

    @Test func replacesValuesWhereTheyStandKeepingComments() throws {
        let editor = try ParamsEditor(name: "params.yaml", text: Self.params)
        let result = try editor.applying([
            Self.assign("train.n_estimators", .int(300), "300"),
            Self.assign("train.max_depth", .int(8), "8"),
            Self.assign("prepare.missing", .string("mean"), "mean"),
        ])
        #expect(result == Self.params
            .replacingOccurrences(of: "n_estimators: 100", with: "n_estimators: 300")
            .replacingOccurrences(of: "max_depth: 6", with: "max_depth: 8")
            .replacingOccurrences(of: "missing: median", with: "missing: mean"))
        #expect(result.contains("# trees"))
    }

    @Test func replacesQuotedScalarsAndFlowCollections() throws {
        let editor = try ParamsEditor(name: "params.yaml", text: Self.params)
        let result = try editor.applying([
            Self.assign("train.objective", .string("reg:absoluteerror"), "'reg:absoluteerror'"),
            Self.assign("train.booster", .string("gblinear"), "gblinear"),
            Self.assign("train.layers", .array([.int(8)]), "[8]"),
            Self.assign("prepare.ranges.RM", .array([.int(4), .int(8)]), "[4, 8]"),
        ])
        #expect(result.contains("objective: 'reg:absoluteerror'\n"))
        #expect(result.contains("booster: gblinear\n"))
        #expect(result.contains("layers: [8]\n"))
        #expect(result.contains("RM: [4, 8]\n"))
    }

    @Test func aJSONFileGetsJSONText() throws {
        let editor = try ParamsEditor(name: "params.json", text: #"{"train": {"booster": "gbtree", "depth": 3}}"#)
        let result = try editor.applying([Self.assign("train.booster", .string("dart"), "dart", file: "params.json")])
        #expect(result == #"{"train": {"booster": "dart", "depth": 3}}"#)
    }

    @Test func aMissingKeyNamesTheNearestKeys() throws {
        let editor = try ParamsEditor(name: "params.yaml", text: Self.params)
        #expect {
            _ = try editor.applying([Self.assign("train.max_dept", .int(3), "3")])
        } throws: { error in
            guard let list = error as? DiagnosticList, let first = list.diagnostics.first else { return false }
            return first.message == "'train.max_dept' is not a key of params.yaml"
                && first.hint == "nearest keys in params.yaml: train.max_depth" && list.cause == .configuration
        }
    }

    @Test func aMissingKeyFarFromAnyListsItsSection() throws {
        let editor = try ParamsEditor(name: "params.yaml", text: Self.params)
        #expect {
            _ = try editor.applying([Self.assign("prepare.completely_new", .int(3), "3")])
        } throws: { error in
            (error as? DiagnosticList)?.diagnostics.first?.hint == "nearest keys in params.yaml: prepare.missing, prepare.ranges"
        }
    }

    @Test func aMappingCannotBeOverriddenWhole() throws {
        let editor = try ParamsEditor(name: "params.yaml", text: Self.params)
        #expect {
            _ = try editor.applying([Self.assign("train", .int(3), "3")])
        } throws: { error in
            guard let diagnostic = (error as? DiagnosticList)?.diagnostics.first else { return false }
            return diagnostic.message.contains("it is a mapping") && diagnostic.hint?.contains("train.n_estimators") == true
                && diagnostic.location?.line == 3
        }
    }

    @Test func everyProblemIsReportedAtOnce() throws {
        let editor = try ParamsEditor(name: "params.yaml", text: Self.params)
        #expect {
            _ = try editor.applying([Self.assign("a", .int(1), "1"), Self.assign("b", .int(1), "1")])
        } throws: { error in (error as? DiagnosticList)?.diagnostics.count == 2 }
    }

    @Test func keysListsSectionsAndLeaves() throws {
        let editor = try ParamsEditor(name: "p.yaml", text: "a:\n  b: 1\n  c: {d: 2}\ne: 3\n")
        #expect(editor.keys == ["a", "a.b", "a.c", "a.c.d", "e"])
    }
}
