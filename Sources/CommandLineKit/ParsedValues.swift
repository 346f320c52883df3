/// The values a command line gave a command, read back by argument name.
///
/// It holds the command's own arguments and the inherited options and flags of the
/// commands above it. When a command declares an argument with the same long or
/// short name as an inherited one, its own declaration wins below that command.
/// Asking for a name that no visible definition declares yields `nil`, `[]` or
/// `false`, like an argument that was not given.
public struct ParsedValues: Sendable {
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

    func slotIndex(named name: String) -> Int? {
        slots.firstIndex { $0.definition.name == name }
    }

    func slot(named name: String) -> Slot? {
        slotIndex(named: name).map { slots[$0] }
    }

    /// The value of an option or positional: the one given, else its default.
    public func string(_ name: String) -> String? {
        guard let slot = slot(named: name) else { return nil }
        return slot.occurrences.last?.value ?? slot.definition.defaultValue
    }

    /// Every value of a repeating option or positional, in command-line order; the
    /// default alone when none was given.
    public func strings(_ name: String) -> [String] {
        guard let slot = slot(named: name) else { return [] }
        if slot.occurrences.isEmpty { return slot.definition.defaultValue.map { [$0] } ?? [] }
        return slot.occurrences.map(\.value)
    }

    /// Whether a flag is on: the last of `--x` and `--no-x` given, else its default.
    public func flag(_ name: String) -> Bool {
        string(name) == "true"
    }

    /// Whether the user gave the argument at all, as opposed to it taking its default.
    public func isGiven(_ name: String) -> Bool {
        !(slot(named: name)?.occurrences.isEmpty ?? true)
    }
}
