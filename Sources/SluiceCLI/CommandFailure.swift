import CommandLineKit

/// Ends a command with an exit status after it has already told the user why
/// (e.g. a stage failed and its outcome was printed).
struct CommandFailure: Error {
    var exitCode: ExitCode
}

/// A command that can run: every sluice command but the pure groups.
protocol RunnableCommand: ParsableCommand {
    /// Does the work, printing through `console`; returns the exit status.
    func run(_ console: Console) throws -> ExitCode
}
