// _TestSupport: helpers for tests only: temporary directories, running the built
// `sluice` binary, snapshot files.
//
// What this module must not know: sluice's own modules (it imports none, so a test
// target gets no product code through it). No product target may depend on it.
import Foundation

/// A fresh directory under the system temporary folder, for one test's files.
package struct TemporaryDirectory: Sendable {
    /// The directory's absolute path.
    package let path: String

    /// Creates a new, empty, uniquely named directory.
    package init(prefix: String = "sluice-test") throws {
        let base = FileManager.default.temporaryDirectory.path
        path = "\(base)/\(prefix)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// The absolute path of `relative` inside the directory.
    package func url(_ relative: String) -> String { "\(path)/\(relative)" }

    /// Writes `text` to `relative`, creating intermediate directories.
    @discardableResult
    package func write(_ relative: String, _ text: String) throws -> String {
        let full = url(relative)
        let parent = (full as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        try text.write(toFile: full, atomically: true, encoding: .utf8)
        return full
    }

    /// Reads `relative` as UTF-8 text.
    package func read(_ relative: String) throws -> String {
        try String(contentsOfFile: url(relative), encoding: .utf8)
    }

    /// Removes the directory and everything in it.
    package func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
