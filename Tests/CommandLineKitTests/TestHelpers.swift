import CommandLineKit
import Foundation
import Testing
import _TestSupport

/// The snapshot files as copied into the test bundle.
let snapshotDirectory = (Bundle.module.resourceURL ?? Bundle.module.bundleURL)
    .appendingPathComponent("Snapshots")

/// The parser for the fake command tree.
let fakeParser = CommandParser(root: FakeSluice.self)

/// Compares `text` with `Snapshots/<name>.txt`.
func assertTextSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    assertSnapshot(text, named: name, in: snapshotDirectory, sourceLocation: sourceLocation)
}

/// The usage error parsing `arguments` throws, or `nil` after recording an issue.
func usageError(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) -> UsageError? {
    do {
        let outcome = try fakeParser.parse(arguments)
        Issue.record("expected a usage error, got \(outcome)", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}
