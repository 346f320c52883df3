import Basics
import Testing
import YAML

/// Collections used as mapping keys: their JSON form, and the bound on its length.
@Suite struct ComplexKeyTests {
    @Test func collectionKeysBecomeCanonicalJSON() throws {
        let node = try parse("? [b, 1, 2.5, true, ~]\n: x\n? {z: 1, a: [\"q\\\"\"], 1: y, \"1\": w}\n: y\n")
        let keys = node.json.flattened().map(\.key)
        #expect(keys == [#"["b",1,2.5,true,null]"#, #"{"1":"w","a":["q\""],"z":1}"#])
        for pair in try #require(node.mappingValue) {
            #expect(pair.key.jsonKey == JSONWriter.canonical.string(pair.key.json))
        }
    }

    @Test func nestedComplexKeysAreEscapedAtEachLevel() throws {
        let node = try parse("? ? ? x\n")
        #expect(JSONWriter(indent: nil, sortKeys: false).string(node.json) == #"{"{\"{\\\"x\\\":null}\":null}":null}"#)
    }

    @Test func aKeyWhoseJSONTextDoublesPerLevelIsRefused() {
        // 61 bytes that once made `params show` print a key of gigabytes.
        let text = String(repeating: "? ", count: 30) + "x"
        let found = diagnostic(text)
        #expect(found?.message == "this mapping used as a mapping key is longer than 4096 bytes as JSON")
        #expect(found?.location?.line == 1)
        #expect((found?.location?.column ?? 0) > 1)
    }

    @Test func aLongFlatCollectionKeyIsRefusedAtItsPlace() {
        let items = (0..<1000).map { "item\($0)" }.joined(separator: ", ")
        let found = diagnostic("a: 1\n? [\(items)]\n: v\n")
        #expect(found?.description == "test.yaml:2:3: error: this sequence used as a mapping key is longer than 4096 bytes as JSON")
    }

    @Test func keysUpToTheBoundAreKept() throws {
        let items = (0..<100).map { "item\($0)" }.joined(separator: ", ")
        let node = try parse("? [\(items)]\n: v\n")
        #expect(node.json.flattened().first?.key.hasPrefix(#"["item0","item1""#) == true)
    }

    @Test func duplicateCollectionKeysAreStillFound() {
        #expect(diagnostic("? [a, b]\n: 1\n? [a, b]\n: 2\n")?.message.hasPrefix("duplicate key '[\"a\",\"b\"]'") == true)
        let many = (0..<20).map { "? [k\($0)]\n: \($0)\n" }.joined() + "? [k3]\n: again\n"
        #expect(diagnostic(many)?.message.hasPrefix("duplicate key '[\"k3\"]'") == true)
    }
}
