import Basics

/// A command line that cannot be run: an unknown option or command, a missing or
/// extra argument, or a value a command rejected.
///
/// It carries everything needed to tell the user what to do, as values: the
/// message, a close spelling when there is one, and the usage line of the command
/// concerned. Its exit code is always `ExitCode.usage`.
public struct UsageError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, without the `error:` prefix: `unknown option '--forse'`.
    public var message: String
    /// A close, valid spelling of what the user typed: `--force`, `repro`.
    public var suggestion: String?
    /// The usage line of the command concerned, starting with `USAGE:`.
    public var usage: String
    /// The path of the command concerned, for example `["sluice", "params", "show"]`.
    public var commandPath: [String]
    /// The 0-based index of the offending word in the parsed argument list, if one
    /// word is to blame.
    public var argumentIndex: Int?

    /// Creates a usage error.
    public init(
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
    public var exitCode: ExitCode { .usage }

    /// The headline: `error: unknown option '--forse'`.
    public var description: String { "error: \(message)" }

    /// The headline and the suggestion as a diagnostic, for callers that collect them.
    public var diagnostic: Diagnostic {
        .error(message, hint: suggestion.map { "did you mean '\($0)'?" })
    }

    /// The full text for the user: the headline, the suggestion, the usage line and
    /// where to find more help.
    public var rendered: String {
        let help = "  See '\(commandPath.joined(separator: " ")) --help' for more information."
        return [diagnostic.rendered(), usage, help].joined(separator: "\n")
    }
}
