/// An option, flag or positional argument declared once, as a value a command both
/// lists in its configuration and reads its parsed value with.
///
/// `Flag`, `Option` and `Positional` are the declarations to use:
///
/// ```swift
/// struct Repro: ParsableCommand {
///     static let jobs = Option<Int?>(long: "jobs", short: "j", valueName: "n", help: "…")
///     static let force = Flag(long: "force", help: "…")
///     static let configuration = CommandConfiguration(name: "repro", arguments: [jobs, force])
///
///     init(_ values: ParsedValues) throws {
///         jobs = try values[Self.jobs] ?? 1
///         force = try values[Self.force]
///     }
/// }
/// ```
///
/// A misspelled declaration does not compile, and its type says what reading it yields.
package protocol ArgumentDeclaration: Sendable {
    /// How the argument is spelled, shown in help and checked by the parser.
    var definition: ArgumentDefinition { get }
}

extension ArgumentDefinition: ArgumentDeclaration {
    /// The definition itself, so a configuration can list one without a typed declaration.
    package var definition: ArgumentDefinition { self }
}
