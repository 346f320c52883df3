import Basics
import Testing
import YAML

/// Flow collections, including ones that span lines.
@Suite struct FlowTests {
    @Test(arguments: [
        ("a: [1, 2, 3]", #"{"a":[1,2,3]}"#),
        ("a: [1,\n  2,\n  3]\n", #"{"a":[1,2,3]}"#),
        ("a: [\n  1, 2,\n]\n", #"{"a":[1,2]}"#),
        ("a: {x: 1,\n  y: [a, b],\n  }\n", #"{"a":{"x":1,"y":["a","b"]}}"#),
        ("a: [1, # one\n  2]  # two\n", #"{"a":[1,2]}"#),
        ("a: [\"x, y\", 'z']", #"{"a":["x, y","z"]}"#),
        ("a: {url: http://x:80/}", #"{"a":{"url":"http://x:80/"}}"#),
        ("a: [a b, c d]", #"{"a":["a b","c d"]}"#),
        ("a: [one\n  two, three]", #"{"a":["one two","three"]}"#),
        ("a: {b, c: 1}", #"{"a":{"b":null,"c":1}}"#),
        ("a: [b: 1, c]", #"{"a":[{"b":1},"c"]}"#),
        ("a: {\"b\":1}", #"{"a":{"b":1}}"#),
        ("a: [[], {}, [[]]]", #"{"a":[[],{},[[]]]}"#),
        ("[a, [b, c]]", #"["a",["b","c"]]"#),
        ("{a: [1, 2], b: {c: d}}", #"{"a":[1,2],"b":{"c":"d"}}"#),
        ("a: {\n  multi\n  line: key\n}", #"{"a":{"multi line":"key"}}"#),
    ])
    func flowCollections(yaml: String, expected: String) throws {
        #expect(try json(yaml) == expected)
    }

    @Test func flowStyleIsRecorded() throws {
        let node = try parse("a: [1]\nb:\n  - 1\n")
        #expect(node["a"]?.style == .flow)
        #expect(node["b"]?.style == .block)
        #expect(node.style == .block)
    }
}
