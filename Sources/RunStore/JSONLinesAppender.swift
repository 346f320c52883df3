import Basics
import Foundation

/// Appends JSON objects to a `.jsonl` file of a run, one per line.
///
/// Several stages may log at once from different processes, so each line is one
/// `write` to a file opened with `O_APPEND`: lines never interleave.
package struct JSONLinesAppender: Sendable {
    /// The file.
    package let path: String

    /// An appender to `path`.
    package init(path: String) { self.path = path }

    /// Appends each value as its own line and its own write.
    package func append(_ values: [JSONValue]) throws {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.error(path) }
        defer { close(descriptor) }
        for value in values {
            let line = Array((JSONWriter.canonical.string(value) + "\n").utf8)
            let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard written == line.count else { throw Self.error(path) }
        }
    }

    private static func error(_ path: String) -> Error {
        CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)])
    }
}
