import Foundation
import Testing
import _TestSupport

/// `sluice dag` in its machine-readable forms, on DVC's get-started pipeline.
@Suite struct DagTests {
    @Test func jsonListsTheTargetsUpstreamInRunOrder() throws {
        let project = try FixtureProject("dvc-get-started")
        defer { project.directory.remove() }
        let result = try project.run(["-f", "dvc.yaml", "dag", "--json", "train"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["stages"] as? [String] == ["prepare", "featurize", "train"])
        let edges = (object["edges"] as? [[String: String]])?.map { "\($0["from"] ?? "?") -> \($0["to"] ?? "?")" }
        #expect(edges == ["prepare -> featurize", "featurize -> train"])
    }

    @Test func markdownWrapsTheMermaidFlowchart() throws {
        let project = try FixtureProject("dvc-get-started")
        defer { project.directory.remove() }
        let mermaid = try project.run(["-f", "dvc.yaml", "dag", "--mermaid"])
        let markdown = try project.run(["-f", "dvc.yaml", "dag", "--md"])
        #expect(mermaid.status == 0 && markdown.status == 0, "stderr: \(markdown.stderr)")
        #expect(mermaid.stdout.hasPrefix("flowchart TD\n"))
        #expect(markdown.stdout == "```mermaid\n" + mermaid.stdout.dropLast() + "\n```\n")
    }

    @Test func twoFormatsAreAUsageError() throws {
        let project = try FixtureProject("dvc-get-started")
        defer { project.directory.remove() }
        let result = try project.run(["-f", "dvc.yaml", "dag", "--dot", "--json"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("'--dot' and '--json' cannot be used together; choose one"), "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}
