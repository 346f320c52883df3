import Basics
import Testing

@Suite struct JSONWriterTests {
    @Test(arguments: [
        (1.0, "1.0"), (-1.0, "-1.0"), (0.1, "0.1"), (1e-5, "1e-05"), (22.796535, "22.796535"),
        (1e300, "1e+300"), (Double.nan, "null"), (Double.infinity, "null"),
    ])
    func doublesAlwaysLookLikeFloats(value: Double, expected: String) {
        #expect(JSONWriter.number(value) == expected)
    }

    @Test func canonicalFormSortsKeysAndIsCompact() {
        let value = JSONValue.object(["b": .int(1), "a": .array([.bool(true), .null, .string("x\"y\n")])])
        #expect(JSONWriter.canonical.string(value) == #"{"a":[true,null,"x\"y\n"],"b":1}"#)
    }

    @Test func prettyFormKeepsOrder() {
        let value = JSONValue.object(["b": .int(1), "a": .object([]), "c": .array([])])
        #expect(JSONWriter.pretty.string(value) == "{\n  \"b\": 1,\n  \"a\": {},\n  \"c\": []\n}")
    }

    @Test func controlCharactersAreEscaped() {
        #expect(JSONWriter.canonical.string(.string("\u{01}\t")) == #""\u0001\t""#)
    }
}
