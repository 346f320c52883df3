import Basics
import Testing

@Suite struct JSONReaderTests {
    @Test(arguments: [
        ("1", JSONValue.int(1)), ("-0", .int(0)), ("1.5", .double(1.5)), ("1e3", .double(1000)), ("-2.5E-1", .double(-0.25)),
        ("true", .bool(true)), ("null", .null), (#""a\"b\\\/\n\u00e9""#, .string("a\"b\\/\né")),
        (#""\ud83d\ude00""#, .string("😀")), ("[]", .array([])), (" [1, [2]] ", .array([.int(1), .array([.int(2)])])),
        ("99999999999999999999", .double(1e20)),
    ])
    func scalarsAndArrays(text: String, expected: JSONValue) throws {
        #expect(try JSONReader.parse(text) == expected)
    }

    @Test func objectsKeepOrderAndTheLastOfARepeatedKey() throws {
        let value = try JSONReader.parse(#"{"b": 1, "a": {"x": null}, "b": 2}"#)
        #expect(value == .object(["b": .int(2), "a": .object(["x": .null])]))
    }

    @Test func aLargeObjectKeepsOrderAndReplacesRepeatedKeysInPlace() throws {
        // 150,000 keys (a damaged run.json once had as many): each repeated key, early
        // or late, replaces the earlier value where the key first appeared.
        let count = 150_000
        var text = "{"
        for i in 0..<count { text += "\"k\(i)\": \(i)," }
        text += #""k3": "third", "k149999": "last", "k20": {"x": 1}}"#
        let value = try JSONReader.parse(text, file: "run.json")
        guard case .object(let members) = value else {
            Issue.record("expected an object")
            return
        }
        #expect(members.count == count)
        #expect(members[3] == (key: "k3", value: .string("third")))
        #expect(members[20].value == .object(["x": .int(1)]))
        #expect(members[count - 1] == (key: "k149999", value: .string("last")))
        #expect(members[count - 2] == (key: "k149998", value: .int(count - 2)))
        #expect(value["k77777"] == .int(77777))
        #expect(value.flattened().count == count)
    }

    @Test func repeatedKeysAroundTheScanLimitAreReplaced() throws {
        for size in 10...15 {
            let keys = (0..<size).map { "\"k\($0)\": \($0)" }
            let text = "{" + keys.joined(separator: ", ") + ", \"k0\": -1, \"k\(size - 1)\": -2, \"new\": 0}"
            let value = try JSONReader.parse(text)
            guard case .object(let members) = value else {
                Issue.record("expected an object")
                return
            }
            #expect(members.count == size + 1)
            #expect(members.first?.value == .int(-1))
            #expect(members[size - 1].value == .int(-2))
            #expect(members.last?.key == "new")
        }
    }

    @Test func sameValueIgnoresMemberOrderAndNumberForm() {
        let keys = (0..<1000).map { "k\($0)" }
        let a = JSONValue.object(keys.map { (key: $0, value: JSONValue.int(1)) })
        let b = JSONValue.object(keys.reversed().map { (key: $0, value: JSONValue.double(1)) })
        #expect(a.sameValue(as: b))
        let c = JSONValue.object(keys.reversed().map { (key: $0, value: JSONValue.double($0 == "k500" ? 2 : 1)) })
        #expect(!a.sameValue(as: c))
        let d = JSONValue.object(keys.dropLast().map { (key: $0, value: JSONValue.int(1)) } + [(key: "other", value: .int(1))])
        #expect(!a.sameValue(as: d))
    }

    @Test func whatTheWriterWritesReadsBack() throws {
        let value = JSONValue.object([
            "id": .string("run \"1\"\t"), "rmse": .double(3.25), "n": .int(-7), "tags": .array([.bool(false), .null]),
            "nested": .object(["empty": .object([]), "x": .double(1e-5)]),
        ])
        #expect(try JSONReader.parse(JSONWriter.pretty.string(value)) == value)
        #expect(try JSONReader.parse(JSONWriter.canonical.string(value)).flattened().count == 6)
    }

    @Test(arguments: [
        ("", "<json>:1:1: error: expected a JSON value, found the end of the text"),
        ("{\"a\": 1,\n  }", "<json>:2:3: error: expected a string key"),
        ("[1 2]", "<json>:1:4: error: expected ',' or ']' in an array"),
        ("{\"a\" 1}", "<json>:1:6: error: expected ':' after the key"),
        ("\"abc", "<json>:1:1: error: string is not closed"),
        ("1.", "<json>:1:3: error: expected digits after the decimal point"),
        ("nul", "<json>:1:1: error: expected a JSON value"),
        ("{} x", "<json>:1:4: error: unexpected text after the JSON value"),
        ("\"\\q\"", "<json>:1:2: error: unknown escape '\\q'"),
    ])
    func errorsAreLocated(text: String, expected: String) {
        #expect(throws: Diagnostic.self) { try JSONReader.parse(text) }
        do {
            _ = try JSONReader.parse(text)
        } catch {
            #expect(error.description == expected)
        }
    }
}
