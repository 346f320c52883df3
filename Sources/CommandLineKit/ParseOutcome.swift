/// What a command line asks for, once parsed.
package enum ParseOutcome: Sendable {
    /// Run `command`, reached through `path` (canonical names, from the root:
    /// `["sluice", "params", "show"]`, even when the user typed an alias).
    case run(any ParsableCommand, path: [String])
    /// Show help text. `exitCode` is `.success` when the user asked for help
    /// (`--help`, `-h`, `help <command>`) and `.usage` when a group command was
    /// invoked without a subcommand, so scripts notice the incomplete command.
    case help(String, exitCode: ExitCode)
    /// Show the root command's version string (`--version`).
    case version(String)
}
