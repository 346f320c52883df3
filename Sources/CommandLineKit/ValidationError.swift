/// A value that was read but is not acceptable, thrown by a command's `init(_:)` or
/// `validate()`.
///
/// The parser turns it into a `UsageError` that carries the command's usage line,
/// so commands only say what is wrong.
package struct ValidationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, in one sentence without a trailing period.
    package var message: String
    /// The 0-based index, in the parsed argument list, of the word that holds the
    /// bad value; `nil` when the value came from a default or from several words.
    package var argumentIndex: Int?

    /// Creates a validation error.
    package init(_ message: String, argumentIndex: Int? = nil) {
        self.message = message
        self.argumentIndex = argumentIndex
    }

    /// The message.
    package var description: String { message }
}
