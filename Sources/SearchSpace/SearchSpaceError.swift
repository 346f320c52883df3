import Basics

/// A malformed sweep expression or a search space that cannot be expanded, located at a
/// column of the text that was parsed so the caller can point into its own argument.
package struct SearchSpaceError: CategorizedError, Hashable, CustomStringConvertible {
    /// What is wrong, in one sentence without a trailing period.
    package var message: String
    /// The 1-based column (in Unicode scalars) of the parsed text where it is wrong;
    /// `nil` when the problem is the whole space (a continuous domain in a grid).
    package var column: Int?
    /// The dimension the problem concerns, when one does.
    package var dimension: String?
    /// What the user can do about it.
    package var hint: String?

    /// Every search-space error is in the user's configuration or command line.
    package var cause: ErrorCause { .configuration }

    /// Creates an error.
    package init(_ message: String, column: Int? = nil, dimension: String? = nil, hint: String? = nil) {
        self.message = message
        self.column = column
        self.dimension = dimension
        self.hint = hint
    }

    /// `error at column 25: …`, the form a command line argument's error takes.
    package var description: String {
        (column.map { "error at column \($0): " } ?? "error: ") + message
    }

    /// The error as a diagnostic in a file, where `start` is the location of the parsed
    /// text's first character (a params.yaml scalar, say).
    package func diagnostic(at start: SourceLocation?) -> Diagnostic {
        var location = start
        if let column { location?.column += column - 1 }
        return .error(message, at: location, hint: hint)
    }
}
