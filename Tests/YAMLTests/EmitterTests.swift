import Basics
import Testing
import YAML

/// The emitter's text, and that reading it back gives the same value.
@Suite struct EmitterTests {
    @Test func blockStyleSnapshot() {
        let value = JSONValue.object([
            "stage": .string("train"),
            "params": .object(["lr": .double(0.1), "depth": .int(6), "seed": .null, "early": .bool(true)]),
            "deps": .array([.string("data/train.csv"), .string("src/train.py")]),
            "outs": .array([.object(["path": .string("model.json"), "cache": .bool(false)])]),
            "matrix": .array([.array([.int(1), .int(2)]), .array([])]),
            "empty": .object([]),
            "cmd": .string("python train.py --lr 0.1 # not a comment"),
            "yes": .string("true"),
        ])
        #expect(YAMLEmitter.string(value) == """
            stage: train
            params:
              lr: 0.1
              depth: 6
              seed: null
              early: true
            deps:
              - data/train.csv
              - src/train.py
            outs:
              - path: model.json
                cache: false
            matrix:
              - - 1
                - 2
              - []
            empty: {}
            cmd: "python train.py --lr 0.1 # not a comment"
            yes: "true"

            """)
    }

    @Test func scalarsAtTheTop() {
        #expect(YAMLEmitter.string(.int(3)) == "3\n")
        #expect(YAMLEmitter.string(.string("")) == "\"\"\n")
        #expect(YAMLEmitter.string(.array([])) == "[]\n")
        #expect(YAMLEmitter.string(.object([])) == "{}\n")
        #expect(YAMLEmitter.string(.double(.infinity)) == ".inf\n")
        #expect(YAMLEmitter.string(.double(1e-5)) == "1e-05\n")
    }

    static let awkwardStrings = [
        "", " ", "true", "False", "null", "~", "1", "-1", "0x1F", "0o7", "1e5", ".5", ".inf", "-.Inf", ".nan",
        "-", "- a", "-a", "--lr", "?", "? a", ":", ":a", "a:", "a: b", "a:b", "a #b", "a#b", "#c", "x:", " lead",
        "trail ", "multi\nline", "tab\there", "\ttab", "quote\"s", "'single'", "back\\slash", "é ü 😀", "\u{0}",
        "\u{7}", "\u{7F}", "\u{85}", "\u{A0}", "\u{2028}", "\u{FEFF}x", "---", "--- a", "...", "<<", "[a]", "{a}",
        "a, b", "*x", "&x", "!t", "|", ">", "%x", "@x", "`x", "key:value", "http://x.com:80/a", "yes", "on",
        "2001-12-14", "${{ secrets.TOKEN }}", "a\r\nb", "\n", "a\n\nb\n",
    ]

    @Test(arguments: awkwardStrings)
    func awkwardStringsRoundTrip(_ text: String) throws {
        let value = JSONValue.object([(key: text, value: .array([.string(text), .object([(key: "k", value: .string(text))])]))])
        let yaml = YAMLEmitter.string(value)
        #expect(try YAML.parse(yaml, file: "emitted.yaml").json == value, "\(yaml)")
    }

    @Test(arguments: [
        JSONValue.double(0.1), .double(-0.0), .double(1e300), .double(.leastNonzeroMagnitude), .double(123456789.125),
        .double(.infinity), .double(-.infinity), .double(.nan), .int(.max), .int(.min), .int(0), .bool(false), .null,
    ])
    func numbersAndConstantsRoundTrip(_ value: JSONValue) throws {
        let document = JSONValue.array([value, .object(["v": value])])
        #expect(try YAML.parse(YAMLEmitter.string(document), file: "emitted.yaml").json == document)
    }

    @Test func longKeysBecomeExplicitKeys() throws {
        let key = String(repeating: "k", count: 2000)
        let value = JSONValue.object([(key: key, value: .object(["a": .int(1)]))])
        #expect(try YAML.parse(YAMLEmitter.string(value), file: "emitted.yaml").json == value)
    }

    @Test func randomValuesRoundTrip() throws {
        var generator = SeededGenerator(seed: 0x5EED)
        for _ in 0..<300 {
            let value = Self.randomValue(depth: 0, using: &generator)
            let yaml = YAMLEmitter.string(value)
            let back = try YAML.parse(yaml, file: "emitted.yaml").json
            #expect(back == value, "\(yaml)")
            #expect(YAMLEmitter.string(back) == yaml)
        }
    }

    private static func randomValue(depth: Int, using generator: inout SeededGenerator) -> JSONValue {
        let choice = Int(generator.next() % (depth >= 4 ? 6 : 8))
        switch choice {
        case 0: return .null
        case 1: return .bool(generator.next() % 2 == 0)
        case 2: return .int(Int(bitPattern: UInt(generator.next())) >> Int(generator.next() % 64))
        case 3: return .double(Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF) * (generator.next() % 2 == 0 ? 1 : -1))
        case 4, 5: return .string(randomString(using: &generator))
        case 6:
            let count = Int(generator.next() % 4)
            return .array((0..<count).map { _ in randomValue(depth: depth + 1, using: &generator) })
        default:
            var members: [(key: String, value: JSONValue)] = []
            var seen = Set<String>()
            for _ in 0..<Int(generator.next() % 4) {
                let key = randomString(using: &generator)
                guard seen.insert(key).inserted else { continue }
                members.append((key: key, value: randomValue(depth: depth + 1, using: &generator)))
            }
            return .object(members)
        }
    }

    private static func randomString(using generator: inout SeededGenerator) -> String {
        if generator.next() % 3 == 0 { return awkwardStrings[Int(generator.next() % UInt64(awkwardStrings.count))] }
        let alphabet = Array("ab z:#-?[]{},&*!|>'\"%@`~.0123456789\\\n\t é")
        let count = Int(generator.next() % 8)
        return String((0..<count).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
    }
}
