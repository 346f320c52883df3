/// Checks of the command tree itself, for a test in each program that uses this
/// module: mistakes in declarations are programming errors, and they are better
/// found by a test than by a user whose option silently does nothing.
extension CommandParser {
    /// Every problem with how the commands below the root are declared, as
    /// `sluice params show: …` lines; empty when the tree is sound.
    package func definitionProblems() -> [String] {
        var problems: [String] = []
        check(CommandContext(root: root), visited: [], into: &problems)
        return problems
    }

    private func check(_ context: CommandContext, visited: Set<ObjectIdentifier>, into problems: inout [String]) {
        let identity = ObjectIdentifier(context.type)
        guard !visited.contains(identity) else {
            problems.append("\(context.commandLine): is its own ancestor")
            return
        }
        let messages = nameProblems(context) + argumentProblems(context)
            + context.shadowingProblems + context.helpProblems
        problems += messages.map { "\(context.commandLine): \($0)" }
        for subcommand in context.configuration.subcommands {
            check(context.child(subcommand), visited: visited.union([identity]), into: &problems)
        }
    }

    private func nameProblems(_ context: CommandContext) -> [String] {
        var messages: [String] = []
        func report(_ message: String) { messages.append(message) }
        let arguments = context.configuration.arguments
        var names = Set<String>(), shorts = Set<Character>()
        for definition in arguments {
            if !names.insert(definition.name).inserted {
                report("argument name '\(definition.name)' is declared twice")
            }
            if let short = definition.short, !shorts.insert(short).inserted {
                report("short name '-\(short)' is declared twice")
            }
            if let short = definition.short, !(short.isASCII && short.isLetter) {
                report("short name '-\(short)' is not a letter")
            }
            let reserved = definition.name == "help" || definition.short == "h"
                || (context.offersVersion && definition.name == "version")
            if reserved, definition.kind != .positional {
                report("'\(definition.helpLabel)' is reserved for help and version")
            }
            if definition.name.isEmpty || definition.name.hasPrefix("-")
                || definition.name.contains(where: { $0 == "=" || $0 == " " })
            {
                report("argument name '\(definition.name)' must be a plain word")
            }
        }
        var commands = Set<String>()
        for subcommand in context.configuration.subcommands {
            let sub = subcommand.configuration
            for name in [sub.name] + sub.aliases where !commands.insert(name).inserted {
                report("subcommand name '\(name)' is used twice")
            }
            if context.isRoot, sub.name == "help" || sub.aliases.contains("help") {
                report("subcommand name 'help' is reserved for the help command")
            }
        }
        return messages
    }

    private func argumentProblems(_ context: CommandContext) -> [String] {
        var messages: [String] = []
        func report(_ message: String) { messages.append(message) }
        let configuration = context.configuration
        let positionals = context.positionals
        if configuration.isGroup {
            if !positionals.isEmpty { report("a command with subcommands cannot take positionals") }
            for definition in context.ownOptions where !definition.isInherited {
                report("'\(definition.displayName)' on a group must be inherited to reach a subcommand")
            }
        }
        for (position, definition) in positionals.enumerated() {
            if definition.isRepeating, position < positionals.count - 1 {
                report("repeating positional '\(definition.displayName)' must be the last one")
            }
            if !definition.isRequired, positionals[(position + 1)...].contains(where: \.isRequired) {
                report("optional positional '\(definition.displayName)' comes before a required one")
            }
            if definition.isInherited { report("positional '\(definition.displayName)' cannot be inherited") }
        }
        for definition in context.ownOptions {
            if definition.kind == .flag, definition.isRepeating {
                report("flag '\(definition.displayName)' cannot repeat")
            }
            if definition.kind == .flag, definition.defaultValue != nil, !definition.hasInversion {
                report("flag '\(definition.displayName)' is on by default but has no '--no-\(definition.name)'")
            }
            if definition.isRequired, definition.defaultValue != nil {
                report("required option '\(definition.displayName)' has a default that is never used")
            }
        }
        if configuration.version != nil, !context.isRoot {
            report("only the root command can have a version")
        }
        return messages
    }
}
