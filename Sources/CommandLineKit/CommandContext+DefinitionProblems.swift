/// Definition checks that concern help text and the options a command inherits.
extension CommandContext {
    /// Own arguments that hide an inherited option by accident: a short name taken
    /// by an option of another name (`-f, --force` below `-f, --file`), or a
    /// positional named like the option. Redeclaring an option of the same long name
    /// is deliberate and allowed.
    var shadowingProblems: [String] {
        var messages: [String] = []
        for hidden in shadowed {
            for mine in configuration.arguments where mine.name != hidden.name || mine.kind == .positional {
                if mine.kind == .positional, mine.name == hidden.name {
                    messages.append("positional '\(mine.displayName)' hides the inherited '\(hidden.helpLabel)'")
                } else if let short = mine.short, short == hidden.short {
                    messages.append(
                        "short name '-\(short)' of '\(mine.displayName)' hides the inherited '\(hidden.helpLabel)'")
                }
            }
        }
        return messages
    }

    /// Arguments without a help sentence, and a command without an abstract (which
    /// its parent's subcommand list and its OVERVIEW line would show as nothing).
    var helpProblems: [String] {
        var messages: [String] = []
        if configuration.abstract.isEmpty { messages.append("command has no abstract") }
        for definition in configuration.arguments where definition.help.isEmpty {
            messages.append("'\(definition.displayName)' has no help")
        }
        return messages
    }
}
