/// One left-to-right pass over a command line, from the root down to the command
/// it names.
///
/// Words are read in order: `--` ends option parsing, `--name[=value]` and `-abc`
/// are options and flags, and a bare word is a subcommand name in a group and a
/// positional argument elsewhere. Entering a subcommand carries the values of
/// inherited options already read, so they may appear on either side of its name.
struct ParseSession {
    let arguments: [String]
    /// The word being read.
    var index = 0
    /// The command whose arguments are being read.
    var context: CommandContext
    private var values: ParsedValues
    /// Which of the command's positionals the next bare word fills.
    private var nextPositional = 0
    /// Whether `--` has been seen, after which every word is positional.
    private var afterTerminator = false

    init(root: any ParsableCommand.Type, arguments: [String]) {
        self.arguments = arguments
        context = CommandContext(root: root)
        values = ParsedValues(slots: context.configuration.arguments.map { .init(definition: $0) })
    }

    /// Reads every word and returns what the command line asks for.
    mutating func run() throws(UsageError) -> ParseOutcome {
        while index < arguments.count {
            let word = arguments[index]
            var outcome: ParseOutcome?
            if afterTerminator {
                try takePositional(word)
            } else if word == "--" {
                afterTerminator = true
            } else if word.hasPrefix("--") {
                outcome = try readLongOption(word)
            } else if Self.isShortCluster(word) {
                outcome = try readShortCluster(word)
            } else if context.configuration.isGroup {
                outcome = try readCommandName(word)
            } else {
                try takePositional(word)
            }
            if let outcome { return outcome }
            index += 1
        }
        return try finish()
    }

    /// A subcommand name, or `help` followed by the command to explain.
    private mutating func readCommandName(_ word: String) throws(UsageError) -> ParseOutcome? {
        if word == "help", context.offersHelpCommand {
            // Options after `help` are ignored: `sluice help repro -v` still explains repro.
            let names = arguments[(index + 1)...].filter { !$0.hasPrefix("-") }
            return .help(HelpFormatter.help(for: try context.descendant(names)), exitCode: .success)
        }
        guard let subcommand = context.subcommand(named: word) else {
            throw context.unknownCommand(word, at: index)
        }
        let child = context.child(subcommand)
        let carried = values.slots.filter { slot in child.inherited.contains(slot.definition) }
        values = ParsedValues(slots: child.configuration.arguments.map { .init(definition: $0) } + carried)
        context = child
        nextPositional = 0
        return nil
    }

    private mutating func takePositional(_ word: String) throws(UsageError) {
        let positionals = context.positionals
        guard nextPositional < positionals.count else {
            throw context.usageError("unexpected argument '\(word)'", at: index)
        }
        let definition = positionals[nextPositional]
        try record(definition, value: word, spelling: definition.longSpelling)
        if !definition.isRepeating { nextPositional += 1 }
    }

    /// Stores a value for `definition`, rejecting a second value for a
    /// non-repeating option: silently keeping one of them would hide a mistake.
    mutating func record(_ definition: ArgumentDefinition, value: String, spelling: String) throws(UsageError) {
        guard let slot = values.slotIndex(named: definition.name) else { return }
        if definition.kind == .option, !definition.isRepeating, !values.slots[slot].occurrences.isEmpty {
            throw context.usageError(
                "option '\(definition.displayName)' was given more than once", at: index)
        }
        values.slots[slot].occurrences.append(.init(value: value, spelling: spelling, index: index))
    }

    /// Checks what must be present, then creates and validates the command.
    private func finish() throws(UsageError) -> ParseOutcome {
        if context.configuration.isGroup {
            return .help(HelpFormatter.help(for: context), exitCode: .usage)
        }
        for slot in values.slots where slot.definition.isRequired && slot.occurrences.isEmpty {
            throw context.usageError(slot.definition.missingMessage)
        }
        do {
            let command = try context.type.init(values)
            try command.validate()
            return .run(command, path: context.path)
        } catch let error as ValidationError {
            throw context.usageError(error.message, at: error.argumentIndex)
        } catch let error as UsageError {
            throw error
        } catch {
            throw context.usageError(String(describing: error))
        }
    }
}
