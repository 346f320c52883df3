import Basics
import Testing
import YAML

/// Anchors, aliases and merge keys.
@Suite struct AnchorTests {
    @Test func aliasCopiesTheAnchoredNode() throws {
        let node = try parse("a: &x {lr: 0.1}\nb: *x\n")
        #expect(node["b"]?.json == .object(["lr": .double(0.1)]))
        #expect(node["a"]?.anchor == "x")
        #expect(node["b"]?.location == SourceLocation(file: "test.yaml", line: 2, column: 4))
        #expect(node["b"]?["lr"]?.location == SourceLocation(file: "test.yaml", line: 1, column: 12))
    }

    @Test func anchorsCanBeRedefined() throws {
        #expect(try json("- &a 1\n- *a\n- &a 2\n- *a\n") == "[1,1,2,2]")
    }

    @Test func aliasAsKey() throws {
        #expect(try json("k: &k name\n*k : v\n") == #"{"k":"name","name":"v"}"#)
    }

    @Test(arguments: [
        ("base: &b {lr: 0.1, depth: 3}\nt:\n  <<: *b\n  lr: 0.2\n", #"{"lr":0.2,"depth":3}"#),
        ("base: &b {lr: 0.1}\nt:\n  lr: 0.2\n  <<: *b\n", #"{"lr":0.2}"#),
        ("a: &a {x: 1, y: 1}\nb: &b {x: 2, z: 2}\nt:\n  <<: [*a, *b]\n", #"{"x":1,"y":1,"z":2}"#),
        ("a: &a {x: 1}\nt: {<<: *a, w: 0}\n", #"{"x":1,"w":0}"#),
        ("t:\n  <<: {x: 1}\n  y: 2\n", #"{"x":1,"y":2}"#),
        ("t:\n  \"<<\": {x: 1}\n", #"{"<<":{"x":1}}"#),
        ("t:\n  !!merge <<: {x: 1}\n", #"{"x":1}"#),
    ])
    func mergeKeys(yaml: String, expected: String) throws {
        let node = try parse(yaml)
        #expect(JSONWriter(indent: nil).string(try #require(node["t"]).json) == expected)
    }

    @Test(arguments: [
        ("a: *nope\n", "undefined alias '*nope'", 1, 4),
        ("a: &x [1, *x]\n", "the alias '*x' refers to a node that contains it", 1, 11),
        ("t:\n  <<: 1\n", "the merge key '<<' needs a mapping or a sequence of mappings, found an integer", 2, 7),
        ("t:\n  <<: [{a: 1}, x]\n", "the merge key '<<' needs a mapping or a sequence of mappings, found a string", 2, 16),
        ("a: &x {b: 1}\nt:\n  <<: *x\n  <<: *x\n", "duplicate key '<<' (first defined at 3:3)", 4, 3),
        ("a: &x &y 1\n", "a node can have only one anchor", 1, 7),
        ("a: &x *y\n", "an alias cannot have an anchor or a tag", 1, 4),
    ])
    func anchorErrors(yaml: String, message: String, line: Int, column: Int) throws {
        let error = try #require(diagnostic(yaml))
        #expect(error.message == message)
        #expect(error.location == SourceLocation(file: "test.yaml", line: line, column: column))
    }

    @Test func billionLaughsIsBounded() throws {
        var yaml = "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        for level in 1...9 {
            let previous = Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8(level - 1)))
            let name = Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8(level)))
            let refs = Array(repeating: "*\(previous)", count: 10).joined(separator: ", ")
            yaml += "\(name): &\(name) [\(refs)]\n"
        }
        let error = try #require(diagnostic(yaml))
        #expect(error.message.contains("aliases expand this document to more than"))
        #expect((2...10).contains(error.location?.line ?? 0))
    }

    @Test func aliasChainsCannotNestWithoutBound() throws {
        var yaml = "l0: &l0 [x]\n"
        for level in 1...400 { yaml += "l\(level): &l\(level) [*l\(level - 1)]\n" }
        let error = try #require(diagnostic(yaml))
        #expect(error.message == "the alias '*l254' nests collections more than 256 levels deep")
        #expect(error.location == SourceLocation(file: "test.yaml", line: 256, column: 14))
    }

    @Test func moderateAliasReuseIsFine() throws {
        var yaml = "base: &b {lr: 0.1, depth: 3, layers: [16, 32, 64]}\n"
        for index in 0..<1000 { yaml += "s\(index): *b\n" }
        let node = try parse(yaml)
        #expect(node["s999"]?["layers"]?.sequenceValue?.count == 3)
    }
}
