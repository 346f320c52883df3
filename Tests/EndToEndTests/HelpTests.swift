import Foundation
import Testing
import _TestSupport

/// Help, version and usage errors of the real binary, against snapshot files.
@Suite struct HelpTests {
    static let snapshots = Bundle.module.resourceURL!.appendingPathComponent("Snapshots")

    static func run(_ arguments: [String]) throws -> ProcessResult {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        return try SluiceProcess.run(arguments, in: dir.path)
    }

    @Test(arguments: [
        (["--help"], "root-help"), (["help", "repro"], "repro-help"), (["status", "--help"], "status-help"),
        (["params", "show", "-h"], "params-show-help"), (["dag", "--help"], "dag-help"),
        (["runs", "--help"], "runs-help"), (["runs", "list", "--help"], "runs-list-help"),
        (["ml", "explain", "--help"], "ml-explain-help"), (["runs", "export", "--help"], "runs-export-help"),
        (["export", "--help"], "export-help"), (["export", "airflow", "--help"], "export-airflow-help"),
    ])
    func helpText(arguments: [String], snapshot: String) throws {
        let result = try Self.run(arguments)
        #expect(result.status == 0)
        assertSnapshot(result.stdout, named: snapshot, in: Self.snapshots)
    }

    @Test func versionComesFromOneConstant() throws {
        let result = try Self.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }

    @Test(arguments: [
        (["repor"], "unknown-command"), (["repro", "--forse"], "unknown-option"), (["repro", "-j", "x"], "bad-jobs"),
    ])
    func usageErrorsExitTwoWithASuggestion(arguments: [String], snapshot: String) throws {
        let result = try Self.run(arguments)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        assertSnapshot(result.stderr, named: snapshot, in: Self.snapshots)
    }

    @Test func outsideAProjectReproSaysWhatToDo() throws {
        let result = try Self.run(["repro"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: no pipeline.yaml in this directory or any parent"))
        #expect(result.stderr.contains("hint: run sluice inside a project"))
    }
}
