// CommandLineKit: commands as types, their options, flags and arguments, help and
// usage text, usage errors and exit codes.
//
// What this module must not know: nothing about sluice's own commands, pipelines,
// stages or runs, and nothing about terminals or output streams. It never prints.
// Help, usage, version and errors come back as values (`ParseOutcome`,
// `UsageError`); the executable decides where they go and which exit status to use.
// Running a parsed command is also not its business: callers cast the parsed
// instance to their own protocol that carries `run`, so this module needs no
// knowledge of what a command does or what it needs to do it.

/// A command-line command described as a type.
///
/// The type declares each argument once, as a static `Flag`, `Option` or
/// `Positional`, and lists them in `configuration` with its name, help and
/// subcommands; the parser hands the values it read to `init(_:)`, which reads them
/// typed through the same declarations (`values[Self.jobs]`), then calls
/// `validate()`. A command with subcommands may be a pure group: invoking it without
/// a subcommand shows its help.
package protocol ParsableCommand: Sendable {
    /// The command's name, help text, arguments and subcommands.
    static var configuration: CommandConfiguration { get }

    /// Reads parsed values through the command's declarations; throws
    /// `ValidationError` for bad values (`values.invalidValue(Self.jobs, "…")`).
    init(_ values: ParsedValues) throws

    /// Checks that involve several arguments together, after `init(_:)`.
    func validate() throws
}

extension ParsableCommand {
    /// Most commands have nothing to check beyond what `init(_:)` already read.
    package func validate() throws {}
}
