/// The status a process reports when it ends.
///
/// A struct rather than an enum so callers can use codes beyond the three that
/// sluice documents, such as 130 after an interrupt.
package struct ExitCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The numeric status handed to `exit`.
    package var rawValue: Int32

    /// Creates an exit code from its numeric status.
    package init(rawValue: Int32) { self.rawValue = rawValue }

    /// Creates an exit code from its numeric status.
    package init(_ rawValue: Int32) { self.rawValue = rawValue }

    /// Everything worked.
    package static let success = ExitCode(0)
    /// A stage or task failed.
    package static let failure = ExitCode(1)
    /// The command line or the configuration was wrong.
    package static let usage = ExitCode(2)

    /// The numeric status, as a shell shows it.
    package var description: String { String(rawValue) }
}
