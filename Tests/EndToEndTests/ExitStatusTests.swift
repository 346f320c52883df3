import Foundation
import Testing
import _TestSupport

/// Exit statuses follow what went wrong (2: the command line or configuration, 1: a
/// stage, task or its data), and errors say it in plain words.
@Suite struct ExitStatusTests {
    @Test(arguments: [
        ("/dev/zero", "error: '/dev/zero' is not a regular file, not a pipeline file"),
        (".", "error: '.' is a folder, not a pipeline file"),
    ])
    func pipelineFilesThatAreNotFilesAreConfigurationErrors(file: String, expected: String) throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        let result = try project.run(["-f", file, "status"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(expected), "stderr: \(result.stderr)")
    }

    @Test func exportingRunsIntoSomethingThatIsNotAFolderSaysSo() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.repro()
        try project.write("not-a-folder", "x\n")
        let result = try project.run(["runs", "export", "--mlflow", "not-a-folder"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: 'not-a-folder' is not a folder"), "stderr: \(result.stderr)")
        let below = try project.run(["runs", "export", "--mlflow", "not-a-folder/mlruns"])
        #expect(below.status == 1)
        #expect(below.stderr.contains("is not a folder"), "stderr: \(below.stderr)")
        #expect(!below.stderr.contains("NSCocoaErrorDomain"))
    }
}
