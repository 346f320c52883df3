import Foundation
import Testing

/// Compares `text` with the snapshot file `<named>.txt` in `directory` and records
/// a test issue with a line diff when they differ.
///
/// `directory` is where the test reads snapshots from, usually its bundle's copy:
/// `Bundle.module.resourceURL!.appendingPathComponent("Snapshots")`. That copy is
/// rebuilt from the source tree, so recording must write to the source tree
/// instead: the folder with the same name as `directory` in `Tests/<Target>/`,
/// found from `testFilePath` (pass `#filePath`, the default).
///
/// With `SNAPSHOT_RECORD=1` in the environment, a missing or different snapshot is
/// written to the source tree and reported as a warning; the next build copies it
/// into the bundle. Without it, a missing snapshot is a failure that shows the text.
package func assertSnapshot(
    _ text: String, named name: String, in directory: URL,
    testFilePath: String = #filePath, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let fileName = "\(name).txt"
    let recorded = try? String(contentsOf: directory.appendingPathComponent(fileName), encoding: .utf8)
    // Files end with a newline so editors and `git diff` treat them as text lines.
    let expected = recorded.map { $0.hasSuffix("\n") ? String($0.dropLast()) : $0 }
    if expected == text { return }

    if ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1" {
        let target = sourceSnapshotDirectory(testFilePath: testFilePath, folder: directory.lastPathComponent)
        do {
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            try (text + "\n").write(to: target.appendingPathComponent(fileName), atomically: true, encoding: .utf8)
            Issue.record("Recorded snapshot '\(name)' in \(target.path)", severity: .warning, sourceLocation: sourceLocation)
        } catch {
            Issue.record("Could not record snapshot '\(name)': \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected else {
        Issue.record(
            "No snapshot '\(name)' in \(directory.path); run with SNAPSHOT_RECORD=1 to record:\n\(text)",
            sourceLocation: sourceLocation)
        return
    }
    let diff = lineDiff(from: expected, to: text)
    Issue.record(
        "Snapshot '\(name)' differs (- recorded, + actual); run with SNAPSHOT_RECORD=1 to re-record:\n\(diff)",
        sourceLocation: sourceLocation)
}

/// `Tests/<Target>/<folder>` for the test file at `testFilePath`, which may sit in a
/// subfolder of its target.
func sourceSnapshotDirectory(testFilePath: String, folder: String) -> URL {
    var directory = URL(fileURLWithPath: testFilePath).deletingLastPathComponent()
    while directory.deletingLastPathComponent().lastPathComponent != "Tests", directory.pathComponents.count > 2 {
        directory.deleteLastPathComponent()
    }
    return directory.appendingPathComponent(folder)
}

/// A unified-style diff of two texts by lines: common lines prefixed with two
/// spaces, removed ones with `- `, added ones with `+ `. Snapshots are small, so
/// the quadratic longest-common-subsequence table is cheap.
func lineDiff(from old: String, to new: String) -> String {
    let a = old.split(separator: "\n", omittingEmptySubsequences: false)
    let b = new.split(separator: "\n", omittingEmptySubsequences: false)
    var common = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in stride(from: a.count - 1, through: 0, by: -1) {
        for j in stride(from: b.count - 1, through: 0, by: -1) {
            common[i][j] = a[i] == b[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
        }
    }
    var lines: [String] = []
    var i = 0, j = 0
    while i < a.count || j < b.count {
        if i < a.count, j < b.count, a[i] == b[j] {
            lines.append("  " + a[i]); i += 1; j += 1
        } else if i < a.count, j == b.count || common[i + 1][j] >= common[i][j + 1] {
            lines.append("- " + a[i]); i += 1
        } else {
            lines.append("+ " + b[j]); j += 1
        }
    }
    return lines.joined(separator: "\n")
}
