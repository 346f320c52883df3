import Basics

/// A task could not do its work with this data (exit status 1, unlike a usage or
/// configuration error): a missing column, values out of range, a failed gate.
package struct TaskFailure: CategorizedError, CustomStringConvertible {
    /// What went wrong, in one sentence.
    package var message: String
    /// Where in a file it went wrong, when one place is to blame.
    package var location: SourceLocation?
    /// What the user can do about it.
    package var hint: String?

    /// Creates a failure.
    package init(_ message: String, at location: SourceLocation? = nil, hint: String? = nil) {
        self.message = message
        self.location = location
        self.hint = hint
    }

    /// Always a failure of the task (exit status 1).
    package var cause: ErrorCause { .failure }

    package var description: String { message }
}
