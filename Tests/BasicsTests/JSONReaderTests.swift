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
