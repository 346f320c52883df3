/// The values a command line gave a command, read typed through the command's
/// declarations: `values[Self.jobs]`, `values[SluiceCommand.file]`.
///
/// It holds the command's own arguments and the inherited options and flags of the
/// commands above it. When a command declares an argument with the same long or
/// short name as an inherited one, its own declaration wins below that command.
/// Reading a declaration the command cannot see (one its configuration does not list,
/// nor an ancestor hands down) is an error, not a silent default: such a read is a
/// mistake in the program, and it shows the first time the command runs.
package struct ParsedValues: Sendable {
    /// One word (or `--name=value` half) the user typed for an argument.
    struct Occurrence: Sendable, Hashable {
        /// The value, or `"true"`/`"false"` for flags.
        var value: String
        /// How the user named the argument: `-j`, `--jobs`, or the placeholder.
        var spelling: String
        /// The index of the word in the argument list.
        var index: Int
    }

    /// A visible definition and what the user gave for it.
    struct Slot: Sendable {
        var definition: ArgumentDefinition
        var occurrences: [Occurrence] = []
    }

    /// Visible definitions, the command's own first, then inherited ones nearest first.
    var slots: [Slot]

    init(slots: [Slot]) { self.slots = slots }

    /// The slot the parser fills for a word naming `name`.
    func slotIndex(named name: String) -> Int? {
        slots.firstIndex { $0.definition.name == name }
    }

    /// The slot of a declaration, if the command can see it.
    func slot(for definition: ArgumentDefinition) -> Slot? {
        slots.first { $0.definition == definition }
    }

    /// The slot of a declaration being read.
    func declaredSlot(_ definition: ArgumentDefinition) throws(ValidationError) -> Slot {
        guard let slot = slot(for: definition) else {
            throw ValidationError(
                "internal error: the command reads '\(definition.displayName)', which it does not declare")
        }
        return slot
    }
}
