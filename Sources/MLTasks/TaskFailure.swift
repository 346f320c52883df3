import Basics

/// A task could not do its work with this data (exit status 1, unlike a usage or
/// configuration error): a missing column, values out of range, a failed gate.
public struct TaskFailure: CategorizedError, CustomStringConvertible {
    /// What went wrong, in one sentence.
    public var message: String
    /// Where in a file it went wrong, when one place is to blame.
    public var location: SourceLocation?
    /// What the user can do about it.
    public var hint: String?

    /// Creates a failure.
    public init(_ message: String, at location: SourceLocation? = nil, hint: String? = nil) {
        self.message = message
        self.location = location
        self.hint = hint
    }

    /// Always a failure of the task (exit status 1).
    public var cause: ErrorCause { .failure }

    public var description: String { message }
}
