/// The entry point: turns a command line into the command to run, help, a version
/// or a `UsageError`.
///
/// ```swift
/// switch try CommandParser(root: Sluice.self).parse(arguments) {
/// case .run(let command, let path): …
/// case .help(let text, let exitCode): …
/// case .version(let version): …
/// }
/// ```
package struct CommandParser: Sendable {
    /// The root command, whose name is the executable's name.
    package let root: any ParsableCommand.Type

    /// Creates a parser for the command tree below `root`.
    package init(root: any ParsableCommand.Type) {
        self.root = root
    }

    /// Parses `arguments` (without the executable's name).
    ///
    /// Errors in the command line, and `ValidationError`s thrown by a command's
    /// `init(_:)` or `validate()`, come back as a `UsageError` that carries the usage
    /// line of the command concerned.
    package func parse(_ arguments: [String]) throws(UsageError) -> ParseOutcome {
        var session = ParseSession(root: root, arguments: arguments)
        return try session.run()
    }

    /// The help text of the command reached by following `path` from the root, for
    /// example `["params", "show"]`; aliases are accepted.
    package func helpText(for path: [String] = []) throws(UsageError) -> String {
        HelpFormatter.help(for: try CommandContext(root: root).descendant(path))
    }

    /// The usage line of the command reached by following `path` from the root.
    package func usage(for path: [String] = []) throws(UsageError) -> String {
        UsageFormatter.usage(for: try CommandContext(root: root).descendant(path))
    }
}
