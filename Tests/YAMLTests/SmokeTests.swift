import Testing
import YAML

@Suite struct SmokeTests {
    @Test func parsesMapping() throws {
        let node = try YAML.parse("a: 1\n", file: "x")
        #expect(node["a"]?.intValue == 1)
    }
}
