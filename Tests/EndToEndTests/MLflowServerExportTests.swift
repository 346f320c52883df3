import Foundation
import Testing
import _TestSupport

/// `runs export --mlflow http://…` from the binary, without a server: what it says when
/// none answers, and a URL that is not one. (`.ci/run` exports to a real `mlflow server`.)
@Suite struct MLflowServerExportTests {
    @Test func anUnreachableServerFailsNamingServerAndRun() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.repro()
        // Port 9 (discard) is closed on test machines: the connection is refused at once.
        let result = try project.run(["runs", "export", "--mlflow", "http://127.0.0.1:9/", "latest"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: MLflow server http://127.0.0.1:9: run 20"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("cannot reach the server"), "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func aURLWithoutAHostIsAUsageError() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.repro()
        let result = try project.run(["runs", "export", "--mlflow", "https://"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: 'https://' is not a server URL"), "stderr: \(result.stderr)")
    }
}
