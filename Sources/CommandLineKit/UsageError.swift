import Basics

/// A command line that cannot be run: an unknown option or command, a missing or
/// extra argument, or a value a command rejected.
///
/// It carries everything needed to tell the user what to do, as values: the
/// message, a close spelling when there is one, and the usage line of the command
/// concerned. Its exit code is always `ExitCode.usage`.
package struct UsageError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, without the `error:` prefix: `unknown option '--forse'`.
    package var message: String
    /// A close, valid spelling of what the user typed: `--force`, `repro`.
    package var suggestion: String?
    /// The usage line of the command concerned, starting with `USAGE:`.
    package var usage: String
    /// The path of the command concerned, for example `["sluice", "params", "show"]`.
    package var commandPath: [String]
    /// The 0-based index of the offending word in the parsed argument list, if one
    /// word is to blame.
    package var argumentIndex: Int?

    /// Creates a usage error.
    package init(
        _ message: String, suggestion: String? = nil, usage: String,
        commandPath: [String], argumentIndex: Int? = nil
    ) {
        self.message = message
        self.suggestion = suggestion
        self.usage = usage
        self.commandPath = commandPath
        self.argumentIndex = argumentIndex
    }

    /// Usage errors always exit with status 2.
    package var exitCode: ExitCode { .usage }

    /// The headline: `error: unknown option '--forse'`.
    package var description: String { "error: \(message)" }

    /// The headline and the suggestion as a diagnostic, for callers that collect them.
    package var diagnostic: Diagnostic {
        .error(message, hint: suggestion.map { "did you mean '\($0)'?" })
    }

    /// The full text for the user: the headline, the suggestion, the usage line and
    /// where to find more help.
    package var rendered: String {
        let help = "  See '\(commandPath.joined(separator: " ")) --help' for more information."
        return [diagnostic.rendered(), usage, help].joined(separator: "\n")
    }
}
