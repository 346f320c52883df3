import Basics
import Testing
import YAML

/// Every malformed input gives a diagnostic at the right line and column, saying
/// what is wrong; the hint says what to do.
@Suite struct YAMLDiagnosticTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var yaml: String
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { message }
    }

    static let cases: [Case] = [
        // Tabs.
        Case(yaml: "a:\n\tb: 1\n", line: 2, column: 1, message: "tab character used for indentation"),
        Case(yaml: "- a\n-\t- b\n", line: 2, column: 3, message: "tab character used for indentation"),
        Case(yaml: "a: |\n\tx\n", line: 2, column: 1, message: "tab character used for indentation"),
        // Duplicate keys.
        Case(yaml: "train:\n  lr: 1\n  lr: 2\n", line: 3, column: 3, message: "duplicate key 'lr' (first defined at 2:3)"),
        Case(yaml: "{a: 1, 'a': 2}", line: 1, column: 8, message: "duplicate key 'a' (first defined at 1:2)"),
        Case(yaml: "1: x\n1: y\n", line: 2, column: 1, message: "duplicate key '1' (first defined at 1:1)"),
        // Unclosed flow collections and quotes point at the opening.
        Case(yaml: "a: [1, 2\n", line: 1, column: 4, message: "unclosed flow sequence: this '[' has no matching ']'"),
        Case(yaml: "a: [1, 2\nb: 3\n", line: 1, column: 4, message: "unclosed flow sequence: this '[' has no matching ']'"),
        Case(yaml: "a:\n  b: {x: 1,\n", line: 2, column: 6, message: "unclosed flow mapping: this '{' has no matching '}'"),
        Case(yaml: "a: \"abc\n", line: 1, column: 4, message: "unclosed double-quoted string"),
        Case(yaml: "a: \"abc\nb: 1\n", line: 1, column: 4, message: "unclosed double-quoted string"),
        Case(yaml: "a: 'abc\nb: 1\n", line: 1, column: 4, message: "unclosed single-quoted string"),
        // Indentation.
        Case(yaml: "a:\n    b: 1\n  c: 2\n", line: 3, column: 3,
             message: "bad indentation: this line is indented 2 spaces, which matches no enclosing block "
                + "(the enclosing levels are at 0 and 4)"),
        Case(yaml: "a: 1\n  b: 2\n", line: 2, column: 4,
             message: "this ':' follows a key that spans several lines; an implicit key must fit on one line"),
        Case(yaml: "a:\n  b: 1\n   c: 2\n", line: 3, column: 5,
             message: "this ':' follows a key that spans several lines; an implicit key must fit on one line"),
        Case(yaml: "a: \"x\"\n  b: 1\n", line: 2, column: 3,
             message: "bad indentation: this is indented more than the mapping's keys (column 1) but belongs to no key"),
        Case(yaml: "a: 1\n- b\n", line: 2, column: 1,
             message: "a '- ' sequence entry cannot appear at the same indentation as the keys of a mapping"),
        Case(yaml: "a: [1,\nb]\n", line: 2, column: 1,
             message: "bad indentation inside a flow collection: continuation lines must be indented more than 0 spaces"),
        Case(yaml: "a: \"x\ny\"\n", line: 2, column: 1,
             message: "bad indentation of a quoted string's continuation line: it must be indented more than 0 spaces"),
        // Keys and values in the wrong place.
        Case(yaml: "a: b: c\n", line: 1, column: 5, message: "a mapping value is not allowed here"),
        Case(yaml: "a: 1\nb\nc: 2\n", line: 2, column: 1, message: "expected ':' after this mapping key"),
        Case(yaml: "key: - a\n", line: 1, column: 6, message: "a block sequence entry ('- ') is not allowed here"),
        // Scalars.
        Case(yaml: "a: \"x\\qy\"\n", line: 1, column: 6, message: "invalid escape '\\q' in a double-quoted string"),
        Case(yaml: "a: \"\\u12\"\n", line: 1, column: 5, message: "the escape '\\u' needs 4 hexadecimal digits"),
        Case(yaml: "a: \"\\uD800\"\n", line: 1, column: 5,
             message: "the escape at this position encodes U+D800, which is not a Unicode scalar value"),
        Case(yaml: "a: \"b\" c\n", line: 1, column: 8, message: "unexpected text after a quoted string"),
        Case(yaml: "a: \"b\"#c\n", line: 1, column: 7, message: "unexpected text after a quoted string"),
        Case(yaml: "a: |x\n", line: 1, column: 5, message: "invalid block scalar header: unexpected 'x'"),
        Case(yaml: "a: |0\n", line: 1, column: 5, message: "a block scalar's indentation indicator must be 1-9, not 0"),
        Case(yaml: "a: >\n  \n    \n  x\n", line: 3, column: 5,
             message: "a leading empty line of this block scalar has more spaces than its first content line"),
        Case(yaml: "a: @b\n", line: 1, column: 4, message: "'@' is reserved and cannot start a plain scalar"),
        Case(yaml: "a: [b]]\n", line: 1, column: 7, message: "unexpected text after a flow collection"),
        Case(yaml: "a: [b}\n", line: 1, column: 6, message: "'}' does not close the '[' opened at 1:4"),
        Case(yaml: "a: [1,,2]\n", line: 1, column: 7, message: "unexpected ',' in a flow collection: an entry is missing"),
        Case(yaml: "a: [1 2}\n", line: 1, column: 8, message: "'}' does not close the '[' opened at 1:4"),
        Case(yaml: "a: {b: 1 c: 2}\n", line: 1, column: 11,
             message: "expected ',' or '}' after a flow collection entry, found ':'"),
        // Aliases.
        Case(yaml: "a: *x\n", line: 1, column: 4, message: "undefined alias '*x'"),
        Case(yaml: "a: &\n", line: 1, column: 4, message: "an anchor needs a name after '&'"),
        // Documents and directives.
        Case(yaml: "'a'\nb\n", line: 2, column: 1,
             message: "unexpected 'b' after the end of the document's top-level node"),
        Case(yaml: "---\na\n... b\n", line: 3, column: 5, message: "unexpected text after the document end marker '...'"),
        Case(yaml: "a: 1\n%YAML 1.2\n---\n", line: 2, column: 1, message: "a directive cannot appear inside a document"),
        Case(yaml: "%YAML 1.2\na: 1\n", line: 1, column: 1, message: "directives must be followed by a '---' line"),
        Case(yaml: "%YAML 2.0\n---\na\n", line: 1, column: 1, message: "unsupported YAML version 2.0"),
        Case(yaml: "a: 1 #ok\nb: 2#no\nc: [x]#no\n", line: 3, column: 7, message: "unexpected text after a flow collection"),
        // Characters.
        Case(yaml: "a: b\u{7}\n", line: 1, column: 5, message: "control character U+0007 is not allowed in YAML"),
        Case(yaml: "é: ü\u{1}\n", line: 1, column: 5, message: "control character U+0001 is not allowed in YAML"),
    ]

    @Test(arguments: cases)
    func malformedInputIsLocated(_ testCase: Case) throws {
        let error = try #require(diagnostic(testCase.yaml), "accepted: \(testCase.yaml)")
        #expect(error.message == testCase.message)
        #expect(error.location == SourceLocation(file: "test.yaml", line: testCase.line, column: testCase.column))
        #expect(error.hint?.isEmpty == false)
        #expect(error.severity == .error)
    }

    @Test func parseRefusesASecondDocument() throws {
        #expect(throws: Diagnostic.error(
            "expected a single YAML document, but a second one starts here",
            at: SourceLocation(file: "test.yaml", line: 2, column: 1),
            hint: "remove the '---' line that separates the documents, or split them into separate files")
        ) {
            try parse("a: 1\n---\nb: 2\n")
        }
        #expect(throws: Diagnostic.error(
            "expected a single YAML document, but a second one starts here",
            at: SourceLocation(file: "test.yaml", line: 2, column: 1),
            hint: "remove the '---' line that separates the documents, or split them into separate files")
        ) {
            try parse("--- a\n--- b\n")
        }
    }

    @Test func deepNestingIsRefusedNotCrashed() throws {
        let error = try #require(diagnostic(String(repeating: "[", count: 100_000)))
        #expect(error.message == "collections are nested more than 256 levels deep")
        #expect(error.location == SourceLocation(file: "test.yaml", line: 1, column: 257))
        var block = ""
        for level in 0..<300 { block += String(repeating: " ", count: level) + "k:\n" }
        #expect(diagnostic(block)?.message == "collections are nested more than 256 levels deep")
    }

    @Test func deepFlowMappingsAreRefusedBeforeTheScannerReadsAhead() throws {
        // Each '{' may start a key, so the scanner looked ahead over all of them with
        // every level open: quadratic, minutes for these (found by sluice-fuzz).
        let error = try #require(diagnostic("a: " + String(repeating: "{", count: 100_000)))
        #expect(error.message == "collections are nested more than 256 levels deep")
        #expect(error.location == SourceLocation(file: "test.yaml", line: 1, column: 260))
        let mixed = String(repeating: "{a: [", count: 50_000)
        #expect(diagnostic(mixed)?.message == "collections are nested more than 256 levels deep")
    }

    @Test func nestingUpToTheLimitWorks() throws {
        let flow = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        #expect(diagnostic(flow) == nil)
        var block = ""
        for level in 0..<255 { block += String(repeating: " ", count: level) + "- \n" }
        #expect(diagnostic(block) == nil)
    }
}
