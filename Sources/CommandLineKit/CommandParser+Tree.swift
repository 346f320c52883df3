/// The command tree as a list, for tests that check every command of a program.
extension CommandParser {
    /// Every command reachable from the root, each with its path of canonical names
    /// (`["sluice", "params", "show"]`), parents before their subcommands, in the
    /// order help lists them. A command that is its own ancestor is listed once.
    package func commands() -> [(path: [String], type: any ParsableCommand.Type)] {
        var found: [(path: [String], type: any ParsableCommand.Type)] = []
        collect(CommandContext(root: root), ancestors: [], into: &found)
        return found
    }

    private func collect(
        _ context: CommandContext, ancestors: Set<ObjectIdentifier>,
        into found: inout [(path: [String], type: any ParsableCommand.Type)]
    ) {
        let identity = ObjectIdentifier(context.type)
        guard !ancestors.contains(identity) else { return }
        found.append((context.path, context.type))
        for subcommand in context.configuration.subcommands {
            collect(context.child(subcommand), ancestors: ancestors.union([identity]), into: &found)
        }
    }
}
