import Pipeline
import Testing
import YAML

/// Keys of params files, found the same way in small and large mappings.
@Suite struct ParamsFileTests {
    @Test(arguments: [5, 50])
    func keysAreFoundAsTheSubscriptFindsThem(extra: Int) throws {
        let filler = (0..<extra).map { "  f\($0): \($0)\n" }.joined()
        let text = "s:\n  1: int one\n  \"1\": string one\n  2: int two\n  true: false\n\(filler)  list: [a, {b: c}]\n"
            + "  nested:\n\(filler.replacingOccurrences(of: "  ", with: "    "))    deep: {x: 1}\n"
        let file = ParamsFile(path: "params.yaml", root: try YAML.parse(text, file: "params.yaml"))
        #expect(file.node(at: "s.1")?.stringValue == "string one")
        #expect(file.node(at: "s.2")?.stringValue == "int two")
        #expect(file.node(at: "s.true")?.boolValue == false)
        #expect(file.node(at: "s.f3")?.intValue == 3)
        #expect(file.node(at: "s.list.1.b")?.stringValue == "c")
        #expect(file.node(at: "s.list.2") == nil)
        #expect(file.node(at: "s.nested.deep.x")?.intValue == 1)
        #expect(file.node(at: "s.nested.f4")?.intValue == 4)
        #expect(file.node(at: "s.f4.x") == nil)
        #expect(file.node(at: "s.missing") == nil)
        #expect(file.node(at: "s")?.mappingValue?.count == extra + 6)
    }

    @Test func replacingTheRootReindexes() throws {
        let big = (0..<40).map { "k\($0): \($0)\n" }.joined()
        var file = ParamsFile(path: "params.yaml", root: try YAML.parse(big, file: "params.yaml"))
        #expect(file.node(at: "k39")?.intValue == 39)
        file.root = try YAML.parse(big.replacingOccurrences(of: "k39: 39", with: "k39: changed"), file: "params.yaml")
        #expect(file.node(at: "k39")?.stringValue == "changed")
    }
}
