import Basics
import Testing
import YAML

/// Block scalars with chomping and indentation indicators, quoted scalars with
/// escapes and folding, and multi-line plain scalars.
@Suite struct ScalarTests {
    @Test(arguments: [
        ("a: |\n  x\n  y\n", "x\ny\n"),
        ("a: |-\n  x\n\n", "x"),
        ("a: |+\n  x\n\n\nb: 1\n", "x\n\n\n"),
        ("a: |\n  x\n\n\n", "x\n"),
        ("a: |\n\n  x\n", "\nx\n"),
        ("a: |\n  x\n   indented\n  y\n", "x\n indented\ny\n"),
        ("a: |2\n    x\n  y\n", "  x\ny\n"),
        ("a: |-2\n    x\n", "  x"),
        ("a: |2-\n    x\n", "  x"),
        ("a: |  # a comment\n  x\n", "x\n"),
        ("a: |\n  # not a comment\n", "# not a comment\n"),
        ("a: >\n  x\n  y\n\n  z\n", "x y\nz\n"),
        ("a: >\n  x\n    more\n  y\n", "x\n  more\ny\n"),
        ("a: >-\n  folded\n  text\n", "folded text"),
        ("a: >+\n  x\n\n", "x\n\n"),
        ("a: |\n  x\n # trailing comment\nb: 1\n", "x\n"),
        ("a: |\n", ""),
        ("a: >\n  x", "x\n"),
        ("- |\n  a\n- >\n  b\n  c\n", nil),
    ])
    func blockScalars(yaml: String, expected: String?) throws {
        let node = try parse(yaml)
        if let expected {
            #expect(node["a"]?.stringValue == expected)
            #expect(node["a"]?.text == expected)
        } else {
            #expect(node.sequenceValue?.compactMap(\.stringValue) == ["a\n", "b c\n"])
        }
    }

    @Test func blockScalarStyles() throws {
        let node = try parse("a: |\n  x\nb: >\n  y\n")
        #expect(node["a"]?.style == .literal)
        #expect(node["b"]?.style == .folded)
    }

    @Test(arguments: [
        (#""\x41\u00e9\U0001F600""#, "Aé😀"),
        (#""\0\a\b\t\n\v\f\r\e""#, "\u{0}\u{7}\u{8}\t\n\u{B}\u{C}\r\u{1B}"),
        (#""\ \"\/\\""#, " \"/\\"),
        (#""\N\_\L\P""#, "\u{85}\u{A0}\u{2028}\u{2029}"),
        ("\"tab\\\tx\"", "tab\tx"),
        ("\"a\n  b\n\n  c\"", "a b\nc"),
        ("\"a  \n  b\"", "a b"),
        ("\"a\\\n  b\"", "ab"),
        ("\"a \\\n  b\"", "a b"),
        ("'it''s'", "it's"),
        ("'a\n  b\n\n  c'", "a b\nc"),
        ("'\\n is not an escape'", "\\n is not an escape"),
        ("\"\"", ""),
    ])
    func quotedScalars(text: String, expected: String) throws {
        #expect(try parse("v: \(text)\n")["v"]?.stringValue == expected)
    }

    @Test(arguments: [
        ("a: one\n  two\n\n  three\n", "one two\nthree"),
        ("a: key:value\n", "key:value"),
        ("a: s3://bucket/path\n", "s3://bucket/path"),
        ("a: http://example.com:8080/x?y=1#frag\n", "http://example.com:8080/x?y=1#frag"),
        ("a: b#c\n", "b#c"),
        ("a: b #c\n", "b"),
        ("a: -x\n", "-x"),
        ("a: ?x\n", "?x"),
        ("a: :x\n", ":x"),
        ("a: x - y\n", "x - y"),
        ("a: 'x' \n", "x"),
        ("a:  spaced   words  \n", "spaced   words"),
    ])
    func plainScalars(yaml: String, expected: String) throws {
        #expect(try parse(yaml)["a"]?.stringValue == expected)
    }

    @Test func colonWithoutSpaceIsPartOfAPlainScalar() throws {
        #expect(try parse("key:value").value == .string("key:value"))
        #expect(try parse("- a:b\n- c: d\n").json == .array([.string("a:b"), .object(["c": .string("d")])]))
    }

    @Test func documentMarkersEndPlainScalars() throws {
        let documents = try YAML.parseAll("a\nb\n---\nc\n...\n", file: "t")
        #expect(documents.map(\.value) == [.string("a b"), .string("c")])
    }
}
