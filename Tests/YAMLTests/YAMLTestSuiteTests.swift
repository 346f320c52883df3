import Basics
import Foundation
import Testing
import YAML

/// Runs the yaml-test-suite cases in Fixtures/yaml-test-suite and holds the pass count.
///
/// A case passes when valid input parses to JSON equal to `in.json`, valid input
/// without `in.json` parses at all, and input marked `error` is rejected with a
/// diagnostic. The floor is the count reached when the cases were added; raise it
/// when more pass, never lower it to make a change go through.
@Suite struct YAMLTestSuiteTests {
    static let passFloor = 253

    struct Outcome {
        var id: String
        var passed: Bool
        var reason: String
    }

    @Test func configurationSubsetStaysAboveFloor() throws {
        let root = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
            .appendingPathComponent("yaml-test-suite")
        let ids = try FileManager.default.contentsOfDirectory(atPath: root.path)
            .filter { FileManager.default.fileExists(atPath: root.appendingPathComponent($0).appendingPathComponent("in.yaml").path) }
            .sorted()
        #expect(ids.count == 253)
        let outcomes = ids.map { run(case: $0, in: root) }
        let failures = outcomes.filter { !$0.passed }
        let passed = outcomes.count - failures.count
        print("yaml-test-suite: \(passed)/\(outcomes.count) cases pass (floor \(Self.passFloor))")
        for failure in failures { print("  FAIL \(failure.id): \(failure.reason)") }
        #expect(
            passed >= Self.passFloor,
            "\(passed) cases pass, below the floor of \(Self.passFloor); failing: \(failures.map(\.id).joined(separator: ", "))")
    }

    private func run(case id: String, in root: URL) -> Outcome {
        let directory = root.appendingPathComponent(id)
        let yamlPath = directory.appendingPathComponent("in.yaml").path
        let mustFail = FileManager.default.fileExists(atPath: directory.appendingPathComponent("error").path)
        let expectedData = FileManager.default.contents(atPath: directory.appendingPathComponent("in.json").path)
        let node: YAMLNode
        do {
            node = try YAML.load(path: yamlPath, displayName: "\(id)/in.yaml")
        } catch {
            return Outcome(id: id, passed: mustFail, reason: mustFail ? "" : "rejected: \(error)")
        }
        if mustFail { return Outcome(id: id, passed: false, reason: "accepted invalid input") }
        guard let expectedData else { return Outcome(id: id, passed: true, reason: "") }
        do {
            let expected = try JSONExpectation.parse(expectedData)
            let actual = JSONExpectation(node.json)
            let reason = actual == expected ? "" : "got \(JSONWriter.canonical.string(node.json))"
            return Outcome(id: id, passed: actual == expected, reason: reason)
        } catch {
            return Outcome(id: id, passed: false, reason: "cannot read in.json: \(error)")
        }
    }
}
