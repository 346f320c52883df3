@testable import _TestSupport
import Testing

/// The snapshot helper lives in `_TestSupport`; these tests pin the parts that
/// decide what a failing snapshot shows and where a recording goes.
@Suite struct SnapshotHelperTests {
    @Test func diffMarksRemovedAndAddedLines() {
        #expect(lineDiff(from: "a\nb\nc", to: "a\nB\nc\nd") == "  a\n- b\n+ B\n  c\n+ d")
        #expect(lineDiff(from: "same", to: "same") == "  same")
    }

    @Test(arguments: [
        ("/repo/Tests/CommandLineKitTests/HelpSnapshotTests.swift", "/repo/Tests/CommandLineKitTests/Snapshots"),
        ("/repo/Tests/EndToEndTests/Sub/Dir/ReproTests.swift", "/repo/Tests/EndToEndTests/Snapshots"),
    ])
    func recordingGoesToTheTargetsSourceFolder(_ testFile: String, _ expected: String) {
        #expect(sourceSnapshotDirectory(testFilePath: testFile, folder: "Snapshots").path == expected)
    }
}
