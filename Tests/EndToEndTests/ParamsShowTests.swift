import Foundation
import Testing
import _TestSupport

/// `sluice params show` on the basic fixture's params.yaml.
@Suite struct ParamsShowTests {
    @Test func flattensEveryKey() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        let result = try project.run(["params", "show"])
        #expect(result.status == 0)
        #expect(result.stdout == "train.lr: 0.1\ntrain.unused: 5\nevaluate.threshold: 3\n")
    }

    @Test func selectedKeysAsJSON() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        let result = try project.run(["params", "show", "--json", "train.lr", "evaluate"])
        #expect(result.status == 0)
        #expect(result.stdout == "{\n  \"train.lr\": 0.1,\n  \"evaluate\": {\n    \"threshold\": 3\n  }\n}\n")
    }

    @Test func missingKeyIsAnErrorNamingIt() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        let result = try project.run(["params", "show", "train.lrr"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("error: 'train.lrr' is missing from params.yaml"))
        #expect(result.stderr.contains("did you mean 'train.lr'?"))
    }

    @Test func yamlErrorsShowTheLineAndACaret() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.write("bad.yaml", "train:\n  lr: [0.1, 0.2\n")
        let result = try project.run(["params", "show", "--file", "bad.yaml"])
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.hasPrefix("bad.yaml:2:7: error:") == true, "stderr: \(result.stderr)")
        #expect(lines.count > 2 && lines[1] == "      lr: [0.1, 0.2" && lines[2] == "          ^")
    }

    @Test func aListDocumentPrintsAsJSON() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.write("list.yaml", "- a\n- 1\n")
        #expect(try project.run(["params", "show", "--file", "list.yaml"]).stdout == "[\"a\",1]\n")
    }
}
