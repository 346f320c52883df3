import Basics

extension UsageError: CategorizedError {
    /// A wrong command line is a configuration error (exit status 2).
    package var cause: ErrorCause { .configuration }
}

extension ValidationError: CategorizedError {
    /// A rejected option value is a configuration error (exit status 2).
    package var cause: ErrorCause { .configuration }
}

extension ExitCode {
    /// The status for an error of `cause`: 2 for configuration, 1 for failure.
    package init(_ cause: ErrorCause) {
        self = cause == .configuration ? .usage : .failure
    }
}
