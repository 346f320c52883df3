import Basics
import Testing
import YAML

/// Where nodes start, in 1-based lines and columns (columns count characters).
@Suite struct LocationTests {
    private func at(_ line: Int, _ column: Int) -> Basics.SourceLocation {
        SourceLocation(file: "test.yaml", line: line, column: column)
    }

    @Test func blockNodes() throws {
        let node = try parse("train:\n  lr: 0.1\n  layers:\n    - 16\n    - 32\n")
        #expect(node.location == at(1, 1))
        let train = try #require(node["train"])
        #expect(train.location == at(2, 3))
        #expect(train["lr"]?.location == at(2, 7))
        #expect(train["layers"]?.location == at(4, 5))
        #expect(train["layers"]?.sequenceValue?[1].location == at(5, 7))
        let pair = try #require(train.mappingValue?.first)
        #expect(pair.key.location == at(2, 3))
    }

    @Test func flowNodes() throws {
        let node = try parse("a: [x, {b: y}]\n")
        let items = try #require(node["a"]?.sequenceValue)
        #expect(node["a"]?.location == at(1, 4))
        #expect(items[0].location == at(1, 5))
        #expect(items[1].location == at(1, 8))
        #expect(items[1]["b"]?.location == at(1, 12))
    }

    @Test func indentlessSequenceAndEmptyValues() throws {
        let node = try parse("deps:\n- a\n-\nouts:\n")
        #expect(node["deps"]?.location == at(2, 1))
        #expect(node["deps"]?.sequenceValue?[1].location == at(3, 2))
        #expect(node["outs"]?.isNull == true)
        #expect(node["outs"]?.location == at(4, 6))
    }

    @Test func propertiesStartTheNode() throws {
        let node = try parse("a: &x !!str v\nb: *x\nc: !!map\n  d: 1\n")
        #expect(node["a"]?.location == at(1, 4))
        #expect(node["b"]?.location == at(2, 4))
        #expect(node["c"]?.location == at(3, 4))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let node = try parse("é: ü\n日本: \"語\"\n")
        #expect(node["é"]?.location == at(1, 4))
        #expect(node["日本"]?.location == at(2, 5))
    }

    @Test func crlfLineEndings() throws {
        let node = try parse("a: 1\r\nb:\r\n  - x\r\n  - |\r\n    y\r\n")
        #expect(node["b"]?.location == at(3, 3))
        #expect(node["b"]?.sequenceValue?[1].stringValue == "y\n")
        #expect(node["a"]?.intValue == 1)
    }

    @Test func blockScalarsStartAtTheirIndicator() throws {
        let node = try parse("a: |\n  x\nb: >-\n  y\n")
        #expect(node["a"]?.location == at(1, 4))
        #expect(node["b"]?.location == at(3, 4))
    }
}
