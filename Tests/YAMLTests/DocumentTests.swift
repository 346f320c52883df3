import Basics
import Testing
import YAML

/// Streams of documents and the single-document entry point.
@Suite struct DocumentTests {
    @Test(arguments: [
        ("", 0), ("# comment only\n", 0), ("---\n", 1), ("---\n...\n", 1), ("a\n", 1), ("--- a\n--- b\n", 2),
        ("a\n...\nb\n", 2), ("...\n...\n", 0), ("%YAML 1.2\n---\na\n...\n%YAML 1.2\n---\nb\n", 2),
        ("--- |\n  x\n--- >\n  y\n", 2),
    ])
    func documentCounts(yaml: String, count: Int) throws {
        #expect(try YAML.parseAll(yaml, file: "t").count == count)
    }

    @Test func emptyInputIsANullDocument() throws {
        let node = try parse("")
        #expect(node.isNull)
        #expect(node.location == SourceLocation(file: "test.yaml", line: 1, column: 1))
    }

    @Test func byteOrderMarkIsNotContent() throws {
        let node = try parse("\u{FEFF}# comment\na: 1\n")
        #expect(node["a"]?.intValue == 1)
        #expect(node["a"]?.location == SourceLocation(file: "test.yaml", line: 2, column: 4))
    }

    @Test func explicitDocumentWithoutContentIsNull() throws {
        #expect(try parse("---\n# nothing\n").isNull)
    }

    @Test func anchorsDoNotCrossDocuments() throws {
        #expect(diagnostic("--- &a 1\n--- *a\n")?.message == "undefined alias '*a'")
    }

    @Test func subscriptMatchesScalarKeysByText() throws {
        let node = try parse("1: one\ntrue: yes\nname: x\n")
        #expect(node["1"]?.stringValue == "one")
        #expect(node["true"]?.stringValue == "yes")
        #expect(node["name"]?.stringValue == "x")
        #expect(node["missing"] == nil)
        #expect(node["name"]?["x"] == nil)
    }

    @Test func jsonKeysFromNonStringScalars() throws {
        let node = try parse("1: a\n~: b\n2.50: c\n")
        #expect(node.json == .object(["1": .string("a"), "~": .string("b"), "2.50": .string("c")]))
    }
}
