/// What running one input did. Crashes and hangs never come back as a value: they
/// end or stall the process, and the supervisor sees them.
package enum FuzzOutcome: Sendable, Equatable {
    /// The reader took the input and the code after it ran to the end.
    case accepted
    /// The reader refused the input with an error (its rendered text).
    case rejected(String)
    /// Two ways of reading the same input disagreed (a bug that does not crash).
    case mismatch(String)

    /// Whether the input got past the reader.
    package var isAccepted: Bool { self == .accepted }
}
