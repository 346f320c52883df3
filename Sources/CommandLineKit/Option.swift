/// An option that takes a value, `--jobs <n>` or `-j <n>`, read typed with
/// `values[Self.jobs]`.
///
/// The type says how the option is read, as in swift-argument-parser:
/// - `Option<Int>` is required, unless declared with a `default:`;
/// - `Option<Int?>` is optional and reads `nil` when not given;
/// - `Option<[String]>` repeats and reads every value given, in order.
///
/// A word that does not convert is a usage error naming the option as the user spelled
/// it: "invalid value 'x' for '-j <n>': expected an integer".
package struct Option<Value: Sendable>: ArgumentDeclaration {
    /// The option's spelling and help.
    package let definition: ArgumentDefinition
    /// Turns what the user gave into the value a command reads.
    let read: @Sendable (ParsedValues.Slot) throws(ValidationError) -> Value
}

extension Option where Value: ExpressibleByArgument {
    /// Declares a required option: a command line without it is a usage error.
    ///
    /// `valueName` is the placeholder in help and errors (`--file <path>`); it defaults
    /// to the long name. An `inherited` option is also accepted by every command below
    /// this one.
    package init(
        long: String, short: Character? = nil, valueName: String? = nil, help: String, inherited: Bool = false
    ) {
        definition = .option(
            long: long, short: short, valueName: valueName, help: help, required: true, inherited: inherited)
        read = { slot throws(ValidationError) in try slot.required(Value.self) }
    }

    /// Declares an option that reads `defaultValue` when not given; help shows the default.
    package init(
        long: String, short: Character? = nil, valueName: String? = nil, help: String,
        default defaultValue: Value, inherited: Bool = false
    ) {
        definition = .option(
            long: long, short: short, valueName: valueName, help: help,
            default: defaultValue.defaultValueDescription, inherited: inherited)
        read = { slot throws(ValidationError) in try slot.last(Value.self) ?? defaultValue }
    }
}

extension Option {
    /// Declares an optional option, which reads `nil` when not given.
    package init<Wrapped: ExpressibleByArgument>(
        long: String, short: Character? = nil, valueName: String? = nil, help: String, inherited: Bool = false
    ) where Value == Wrapped? {
        definition = .option(long: long, short: short, valueName: valueName, help: help, inherited: inherited)
        read = { slot throws(ValidationError) in try slot.last(Wrapped.self) }
    }

    /// Declares an option that may be given any number of times; it reads every value
    /// in command-line order, or `defaultValue` when none was given.
    package init<Element: ExpressibleByArgument>(
        long: String, short: Character? = nil, valueName: String? = nil, help: String,
        default defaultValue: [Element] = [], inherited: Bool = false
    ) where Value == [Element] {
        let shownDefault = defaultValue.isEmpty ? nil : defaultValue.map(\.defaultValueDescription).joined(separator: " ")
        definition = .option(
            long: long, short: short, valueName: valueName, help: help, default: shownDefault,
            repeating: true, inherited: inherited)
        read = { slot throws(ValidationError) in
            let values = try slot.all(Element.self)
            return values.isEmpty ? defaultValue : values
        }
    }
}
