import CommandLineKit
import Testing

/// Help and error text compared with the files in `Snapshots/`.
///
/// Record new or changed snapshots with `SNAPSHOT_RECORD=1 swift test`, then review
/// them with `git diff` before committing.
@Suite struct HelpSnapshotTests {
    static let helpPaths: [[String]] = [
        [], ["repro"], ["params"], ["params", "show"], ["params", "diff"], ["run"],
    ]

    @Test(arguments: helpPaths)
    func help(_ path: [String]) throws {
        let name = (["help", "sluice"] + path).joined(separator: "-")
        assertTextSnapshot(try fakeParser.helpText(for: path), named: name)
    }

    static let errorCases: [(name: String, arguments: [String])] = [
        ("unknown-option", ["repro", "--forse"]),
        ("unknown-command", ["repor"]),
        ("unknown-subcommand", ["params", "shwo"]),
        ("missing-value", ["-q", "repro", "-j"]),
        ("invalid-value", ["repro", "--jobs=0"]),
        ("missing-argument", ["params", "diff"]),
        ("missing-option-long-usage", ["run", "--", "true"]),
        ("validation", ["repro", "--force", "--dry"]),
    ]

    @Test(arguments: errorCases)
    func error(_ name: String, _ arguments: [String]) {
        guard let error = usageError(arguments) else { return }
        assertTextSnapshot(error.rendered, named: "error-\(name)")
    }
}
