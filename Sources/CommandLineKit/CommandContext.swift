/// A command in its place in the tree: its configuration, its path from the root
/// and the inherited options of its ancestors that it can see.
///
/// Parsing, help and usage all need the same answers (which options are visible
/// here, what a subcommand name means), so they are computed in one place.
struct CommandContext: Sendable {
    /// The command's type, used to create the instance after parsing.
    let type: any ParsableCommand.Type
    /// The command's configuration, read once.
    let configuration: CommandConfiguration
    /// Canonical names from the root down to this command.
    let path: [String]
    /// Inherited options and flags of the ancestors, nearest first, without those
    /// this command shadows with a definition of the same long or short name.
    let inherited: [ArgumentDefinition]
    /// Inherited options and flags of the ancestors that this command shadows, for
    /// the definition checks.
    let shadowed: [ArgumentDefinition]

    /// The context of the root command.
    init(root: any ParsableCommand.Type) {
        self.init(type: root, path: [], inherited: [])
    }

    private init(type: any ParsableCommand.Type, path: [String], inherited: [ArgumentDefinition]) {
        let configuration = type.configuration
        self.type = type
        self.configuration = configuration
        self.path = path + [configuration.name]
        self.inherited = inherited.filter { !Self.shadows(configuration.arguments, $0) }
        shadowed = inherited.filter { Self.shadows(configuration.arguments, $0) }
    }

    /// The context of `subcommand` below this command.
    func child(_ subcommand: any ParsableCommand.Type) -> CommandContext {
        let handedDown = configuration.arguments.filter { $0.isInherited && $0.kind != .positional }
            + inherited
        return CommandContext(type: subcommand, path: path, inherited: handedDown)
    }

    /// Whether this is the root command.
    var isRoot: Bool { path.count == 1 }

    /// The command as a user types it: `sluice params show`.
    var commandLine: String { path.joined(separator: " ") }

    /// Whether `--version` is available here.
    var offersVersion: Bool { isRoot && configuration.version != nil }

    /// Whether the root's `help <command>` is available here (a user command named
    /// `help` takes precedence).
    var offersHelpCommand: Bool {
        isRoot && configuration.isGroup && subcommand(named: "help") == nil
    }

    /// The command's own positional arguments, in order.
    var positionals: [ArgumentDefinition] {
        configuration.arguments.filter { $0.kind == .positional }
    }

    /// The command's own options and flags.
    var ownOptions: [ArgumentDefinition] {
        configuration.arguments.filter { $0.kind != .positional }
    }

    /// Options and flags that may appear here: own first, then inherited.
    var visibleOptions: [ArgumentDefinition] { ownOptions + inherited }

    /// The visible option or flag with the long name `name`.
    func option(long name: String) -> ArgumentDefinition? {
        visibleOptions.first { $0.name == name }
    }

    /// The visible option or flag with the short name `letter`.
    func option(short letter: Character) -> ArgumentDefinition? {
        visibleOptions.first { $0.short == letter }
    }

    /// The subcommand whose name or alias is `name`.
    func subcommand(named name: String) -> (any ParsableCommand.Type)? {
        configuration.subcommands.first {
            let sub = $0.configuration
            return sub.name == name || sub.aliases.contains(name)
        }
    }

    /// Every long spelling accepted here, for suggestions.
    var acceptedLongSpellings: [String] {
        var names: [String] = []
        for definition in visibleOptions {
            names.append("--\(definition.name)")
            if definition.hasInversion { names.append("--no-\(definition.name)") }
        }
        if offersVersion { names.append("--version") }
        names.append("--help")
        return names
    }

    /// Every subcommand name and alias accepted here, for suggestions.
    var acceptedCommandNames: [String] {
        var names = configuration.subcommands.flatMap { [$0.configuration.name] + $0.configuration.aliases }
        if offersHelpCommand { names.append("help") }
        return names
    }

    private static func shadows(_ own: [ArgumentDefinition], _ inherited: ArgumentDefinition) -> Bool {
        // A positional of the same name shadows too: the parser files words by name.
        own.contains { mine in
            mine.name == inherited.name || (mine.short != nil && mine.short == inherited.short)
        }
    }
}
