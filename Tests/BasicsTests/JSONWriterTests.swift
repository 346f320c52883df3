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

    @Test(arguments: [
        ("plain é 😀 text", #""plain é 😀 text""#), ("", #""""#), ("end\\", #""end\\""#),
        ("e\u{301}\"", #""e\#u{301}\"""#), ("\u{1F}x", #""\u001fx""#), ("\u{7F}", "\"\u{7F}\""),
    ])
    func stringsAreQuotedWholeOrEscaped(text: String, expected: String) {
        var out = ""
        JSONWriter.quote(text, into: &out)
        #expect(out == expected)
        #expect(out.unicodeScalars.elementsEqual(expected.unicodeScalars))
    }
}

@Suite struct JSONValueFlattenTests {
    @Test func flattensNestedObjectsToDottedKeys() {
        let value = JSONValue.object([
            "train": .object(["lr": .double(0.1), "depth": .int(6)]), "seed": .int(42),
            "empty": .object([]), "list": .array([.int(1)]),
        ])
        let flat = value.flattened()
        #expect(flat.map(\.key) == ["train.lr", "train.depth", "seed", "empty", "list"])
        #expect(flat[0].value == .double(0.1))
        #expect(flat[3].value == .object([]))
    }

    @Test func numbersCompareByValueForParameters() {
        #expect(JSONValue.int(1).sameValue(as: .double(1.0)))
        #expect(!JSONValue.int(1).sameValue(as: .double(1.5)))
        #expect(JSONValue.object(["a": .int(1), "b": .int(2)]).sameValue(as: .object(["b": .int(2), "a": .double(1)])))
        #expect(!JSONValue.string("1").sameValue(as: .int(1)))
    }
}
