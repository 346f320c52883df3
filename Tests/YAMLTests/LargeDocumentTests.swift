import Basics
import Testing
import YAML

/// A params file of about 5 MB parses correctly (its speed is measured outside the tests).
@Suite struct LargeDocumentTests {
    @Test func aPlainScalarOfManyWordsKeepsEveryWord() throws {
        // In release builds each word copied everything folded before it (57,000 words:
        // 2 s); that speed is checked by the fuzz corpus, this checks the folding.
        let words = (0..<20_000).map { "w\($0)" }
        let node = try YAML.parse("key: " + words.joined(separator: " ") + "\nfolded: a\n  " + words.joined(separator: "\n  ") + "\n", file: "p.yaml")
        #expect(node["key"]?.stringValue == words.joined(separator: " "))
        #expect(node["folded"]?.stringValue == "a " + words.joined(separator: " "))
    }

    @Test func fiveMegabyteDocument() throws {
        var text = "# parameters\ndefaults: &defaults\n  optimizer: adam\n  dropout: 0.25\n"
        var stages = 0
        while text.utf8.count < 5_000_000 {
            text += """
                stage_\(stages):
                  <<: *defaults
                  lr: 0.\(stages % 1000 + 1)
                  depth: \(stages % 12)
                  name: "model \(stages)"
                  tags: [a, b, 'c d']
                  layers:
                    - {units: \(stages % 512), act: relu}
                    - units: 1
                      act: linear
                  note: >
                    plain text that
                    folds

                """
            stages += 1
        }
        let node = try YAML.parse(text, file: "params.yaml")
        let pairs = try #require(node.mappingValue)
        #expect(pairs.count == stages + 1)
        let last = try #require(node["stage_\(stages - 1)"])
        #expect(last["depth"]?.intValue == (stages - 1) % 12)
        #expect(last["name"]?.stringValue == "model \(stages - 1)")
        #expect(last["optimizer"]?.stringValue == "adam")
        #expect(last["layers"]?.sequenceValue?[0]["units"]?.intValue == (stages - 1) % 512)
        #expect(last["note"]?.stringValue == "plain text that folds\n")
        #expect(node["stage_7"]?["lr"]?.text == "0.8")
        #expect(node["stage_7"]?["tags"]?.location.line == 5 + 7 * 13 + 5)
    }
}
