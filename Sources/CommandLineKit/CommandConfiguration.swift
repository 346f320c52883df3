/// What a command declares about itself: its name, help, arguments and subcommands.
package struct CommandConfiguration: Sendable {
    /// The name typed on the command line (for the root, the executable's name).
    package var name: String
    /// One sentence shown after `OVERVIEW:` and in the parent's subcommand list.
    package var abstract: String
    /// Longer help shown below the overview; line breaks are kept, long lines wrap.
    package var discussion: String
    /// The version string; on the root command it enables `--version`.
    package var version: String?
    /// The commands reachable below this one, in the order help lists them.
    package var subcommands: [any ParsableCommand.Type]
    /// Options, flags and positional arguments, in the order help lists them and
    /// positionals are matched.
    package var arguments: [ArgumentDefinition]
    /// Other names that select this command, for example `ls` for `list`.
    package var aliases: [String]
    /// Sample invocations shown in an `EXAMPLES` section of the help.
    package var examples: [String]?

    /// Creates a configuration. `arguments` are the command's `Flag`, `Option` and
    /// `Positional` declarations, usually its own static members.
    package init(
        name: String,
        abstract: String = "",
        discussion: String = "",
        version: String? = nil,
        subcommands: [any ParsableCommand.Type] = [],
        arguments: [any ArgumentDeclaration] = [],
        aliases: [String] = [],
        examples: [String]? = nil
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.version = version
        self.subcommands = subcommands
        self.arguments = arguments.map(\.definition)
        self.aliases = aliases
        self.examples = examples
    }

    /// Whether the command only groups subcommands; such a command takes no positionals.
    package var isGroup: Bool { !subcommands.isEmpty }
}
