#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file-system call that failed, with the path and the system's reason.
package struct FileSystemError: Error, CustomStringConvertible, Sendable {
    /// What was attempted (`read`, `remove`, …).
    package var operation: String
    /// The path it was attempted on.
    package var path: String
    /// The `errno` value.
    package var code: Int32
    /// A reason that says more than `strerror` would, when there is one.
    package var detail: String?

    /// Creates an error.
    package init(operation: String, path: String, code: Int32, detail: String? = nil) {
        self.operation = operation
        self.path = path
        self.code = code
        self.detail = detail
    }

    /// `cannot <operation> '<path>': <reason>`.
    package var description: String {
        "cannot \(operation) '\(path)': \(detail ?? String(cString: strerror(code)))"
    }
}
