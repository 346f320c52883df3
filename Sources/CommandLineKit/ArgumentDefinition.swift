/// How one option, flag or positional argument is spelled, what help says about it,
/// and what the parser checks.
///
/// Commands do not build definitions: they declare a `Flag`, `Option` or `Positional`,
/// which carries its definition and reads its value typed, so an argument is named in
/// one place only.
package struct ArgumentDefinition: Sendable, Hashable {
    /// What kind of argument a definition describes.
    package enum Kind: Sendable, Hashable {
        /// `--name value`, `--name=value`, `-n value` or `-nvalue`.
        case option
        /// `--name` or `-n`, with no value; optionally inverted by `--no-name`.
        case flag
        /// A bare word, matched by position.
        case positional
    }

    /// What kind of argument this is.
    package internal(set) var kind: Kind
    /// The long name of an option or flag (without dashes), or a positional's name.
    package internal(set) var name: String
    /// The single-letter short name of an option or flag, used as `-x`.
    package internal(set) var short: Character?
    /// The placeholder shown in help and errors, as in `--file <path>`.
    package internal(set) var valueName: String
    /// One sentence of help.
    package internal(set) var help: String
    /// The default as help shows it, `"true"` for a flag that is on by default; the
    /// typed default a command reads belongs to its declaration.
    package internal(set) var defaultValue: String?
    /// Whether the option or positional takes any number of values.
    package internal(set) var isRepeating: Bool
    /// Whether the argument must be given: required options and non-optional positionals.
    package internal(set) var isRequired: Bool
    /// Whether a flag also accepts `--no-<name>` to turn it off.
    package internal(set) var hasInversion: Bool
    /// Whether the option or flag may also appear after a subcommand's name and is
    /// visible to every command below the one that declares it.
    package internal(set) var isInherited: Bool

    /// An option that takes a value: `--file <path>`, `-j <n>`.
    ///
    /// Options are optional unless `required` is set; a repeating option may be given
    /// several times and collects every value.
    static func option(
        long: String, short: Character? = nil, valueName: String? = nil, help: String,
        default defaultValue: String? = nil, repeating: Bool = false,
        required: Bool = false, inherited: Bool = false
    ) -> ArgumentDefinition {
        ArgumentDefinition(
            kind: .option, name: long, short: short, valueName: valueName ?? long, help: help,
            defaultValue: defaultValue, isRepeating: repeating, isRequired: required,
            hasInversion: false, isInherited: inherited)
    }

    /// A boolean flag: `--force`, `-f`; with `inversion`, `--no-force` turns it off.
    ///
    /// Short flags combine, as in `-fq`. When a flag is given several times, the last
    /// occurrence wins, so a later `--no-x` overrides an earlier `--x`. A flag that is
    /// on by default needs `inversion`, or nothing could turn it off.
    static func flag(
        long: String, short: Character? = nil, help: String,
        default defaultValue: Bool = false, inversion: Bool = false, inherited: Bool = false
    ) -> ArgumentDefinition {
        ArgumentDefinition(
            kind: .flag, name: long, short: short, valueName: long, help: help,
            defaultValue: defaultValue ? "true" : nil, isRepeating: false, isRequired: false,
            hasInversion: inversion, isInherited: inherited)
    }

    /// A positional argument, matched in declaration order.
    ///
    /// A repeating positional takes every remaining word, including all words after
    /// `--`, so it belongs last. Unless `optional`, a repeating positional needs at
    /// least one word.
    static func positional(
        _ name: String, help: String, optional: Bool = false, repeating: Bool = false,
        default defaultValue: String? = nil
    ) -> ArgumentDefinition {
        ArgumentDefinition(
            kind: .positional, name: name, short: nil, valueName: name, help: help,
            defaultValue: defaultValue, isRepeating: repeating,
            isRequired: !optional && defaultValue == nil,
            hasInversion: false, isInherited: false)
    }
}
