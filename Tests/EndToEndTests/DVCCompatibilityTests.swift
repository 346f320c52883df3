import Foundation
import Testing
import _TestSupport

/// An unchanged dvc.yaml (DVC's get-started example) loads with `-f`.
@Suite struct DVCCompatibilityTests {
    @Test func dagOfAnUnchangedDVCFile() throws {
        let project = try FixtureProject("dvc-get-started")
        defer { project.directory.remove() }
        let result = try project.run(["-f", "dvc.yaml", "dag", "--dot"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == """
            strict digraph {
                "prepare";
                "featurize";
                "train";
                "evaluate";
                "prepare" -> "featurize";
                "featurize" -> "train";
                "featurize" -> "evaluate";
                "train" -> "evaluate";
            }

            """)
    }

    @Test func statusFindsDvcYamlWithoutFlag() throws {
        let project = try FixtureProject("dvc-get-started")
        defer { project.directory.remove() }
        let result = try project.run(["status", "--json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(Set(object?.keys.map { $0 } ?? []) == ["prepare", "featurize", "train", "evaluate"])
    }
}
