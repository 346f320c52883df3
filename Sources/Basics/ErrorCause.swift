/// What went wrong, in the terms of the exit status a user and CI see:
///
/// | status | cause |
/// |---|---|
/// | 0 | success |
/// | 1 | `failure`: a stage or task failed, including bad data (a malformed CSV, a model file that does not load) |
/// | 2 | `configuration`: the command line or a configuration file (pipeline.yaml, params.yaml, `.sluice/config.yaml`) is wrong |
package enum ErrorCause: Sendable, Hashable {
    /// The command line or a configuration file is wrong: exit status 2.
    case configuration
    /// A stage or task failed, or its data is bad: exit status 1.
    case failure
}

/// An error that says which of the two causes it reports; every error a user can
/// meet is one, so the exit status follows what went wrong, not which type was thrown.
package protocol CategorizedError: Error, Sendable {
    /// Configuration (exit 2) or failure (exit 1).
    var cause: ErrorCause { get }
}
