import Basics
import Testing
import YAML

@Suite struct CoreSchemaTests {
    @Test(arguments: [
        ("~", YAMLNode.Value.null), ("null", .null), ("Null", .null), ("NULL", .null), ("", .null),
        ("true", .bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)),
        ("false", .bool(false)), ("False", .bool(false)), ("FALSE", .bool(false)),
        ("0", .int(0)), ("42", .int(42)), ("-7", .int(-7)), ("+12", .int(12)), ("0777", .int(777)),
        ("0x1F", .int(31)), ("0o17", .int(15)), ("9223372036854775807", .int(Int.max)),
        ("-9223372036854775808", .int(Int.min)),
        ("1.5", .double(1.5)), ("0.10", .double(0.1)), (".5", .double(0.5)), (".0001", .double(0.0001)),
        ("1.", .double(1)), ("1e-5", .double(1e-5)), ("1E+3", .double(1000)), ("-2.5e2", .double(-250)),
        (".inf", .double(.infinity)), (".Inf", .double(.infinity)), ("+.INF", .double(.infinity)),
        ("-.inf", .double(-.infinity)), ("-.Inf", .double(-.infinity)),
        ("9223372036854775808", .double(9_223_372_036_854_775_808)),
        ("yes", .string("yes")), ("on", .string("on")), ("nULL", .string("nULL")), ("tRUE", .string("tRUE")),
        ("1_000", .string("1_000")), ("0x", .string("0x")), ("-0x1", .string("-0x1")), ("0b101", .string("0b101")),
        ("1.2.3", .string("1.2.3")), ("e5", .string("e5")), ("1e", .string("1e")), (".", .string(".")),
        ("inf", .string("inf")), ("nan", .string("nan")), ("2001-12-14", .string("2001-12-14")),
    ])
    func plainScalarResolves(text: String, expected: YAMLNode.Value) throws {
        let node = try parse("v: \(text)\n")
        #expect(node["v"]?.value == expected)
        #expect(node["v"]?.text == text)
    }

    @Test(arguments: [".nan", ".NaN", ".NAN"])
    func notANumber(text: String) throws {
        let value = try parse("v: \(text)")["v"]?.doubleValue
        #expect(value?.isNaN == true)
    }

    @Test(arguments: [
        "'true'", "\"1\"", "'~'", "\"null\"", "'0x1F'", "\"\"",
    ])
    func quotedScalarsAreStrings(text: String) throws {
        guard case .string = try parse("v: \(text)")["v"]?.value else {
            Issue.record("\(text) did not read as a string")
            return
        }
    }

    @Test func blockScalarsAreStrings() throws {
        #expect(try parse("v: |\n  12\n")["v"]?.value == .string("12\n"))
        #expect(try parse("v: >-\n  true\n")["v"]?.value == .string("true"))
    }

    @Test func textKeepsTheScalarAsWritten() throws {
        let node = try parse("lr: 0.10\nname: \"a\\tb\"\n")
        #expect(node["lr"]?.text == "0.10")
        #expect(node["lr"]?.doubleValue == 0.1)
        #expect(node["name"]?.text == "a\tb")
        #expect(node["name"]?.style == .doubleQuoted)
    }

    @Test(arguments: [
        ("!!str 12", YAMLNode.Value.string("12")), ("!!str", .string("")), ("!!int \"12\"", .int(12)),
        ("!!int 0x10", .int(16)), ("!!float 1", .double(1)), ("!!float '2.5'", .double(2.5)),
        ("!!bool 'true'", .bool(true)), ("!!null ''", .null), ("!!null ~", .null),
        ("! 12", .string("12")), ("!local 12", .string("12")), ("!<tag:example.com,2000:x> 1", .string("1")),
    ])
    func tagsDecideTheType(text: String, expected: YAMLNode.Value) throws {
        #expect(try parse("v: \(text)\n")["v"]?.value == expected)
    }

    @Test func tagsAreRecorded() throws {
        let node = try parse("%TAG !e! tag:example.com,2000:app/\n---\na: !e!foo x\nb: !!str y\nc: !local z\n")
        #expect(node["a"]?.tag == "tag:example.com,2000:app/foo")
        #expect(node["b"]?.tag == "tag:yaml.org,2002:str")
        #expect(node["c"]?.tag == "!local")
    }

    @Test(arguments: [
        ("v: !!int abc", "'abc' is not a valid !!int value", 1, 4),
        ("v: !!bool yes", "'yes' is not a valid !!bool value", 1, 4),
        ("v: !!map x", "the tag !!map cannot be applied to a scalar", 1, 4),
        ("v: !!seq {a: 1}", "the tag !!seq cannot be applied to a mapping", 1, 4),
        ("v: !e!x 1", "undefined tag handle '!e!'", 1, 4),
    ])
    func tagMismatchesAreErrors(text: String, message: String, line: Int, column: Int) throws {
        let error = try #require(diagnostic(text))
        #expect(error.message == message)
        #expect(error.location == SourceLocation(file: "test.yaml", line: line, column: column))
    }
}
