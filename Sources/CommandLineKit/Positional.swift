/// A positional argument, a bare word matched by position, read typed with
/// `values[Self.targets]`.
///
/// Positionals are matched in the order the configuration lists them. The type says
/// how one is read:
/// - `Positional<String>` is required, unless declared with a `default:`;
/// - `Positional<String?>` is optional and reads `nil` when not given;
/// - `Positional<[String]>` takes every remaining word, including all words after
///   `--`, so it belongs last.
package struct Positional<Value: Sendable>: ArgumentDeclaration {
    /// The argument's placeholder and help.
    package let definition: ArgumentDefinition
    /// Turns what the user gave into the value a command reads.
    let read: @Sendable (ParsedValues.Slot) throws(ValidationError) -> Value
}

extension Positional where Value: ExpressibleByArgument {
    /// Declares a required positional, shown as `<name>`.
    package init(_ name: String, help: String) {
        definition = .positional(name, help: help)
        read = { slot throws(ValidationError) in try slot.required(Value.self) }
    }

    /// Declares a positional that reads `defaultValue` when not given; help shows the default.
    package init(_ name: String, help: String, default defaultValue: Value) {
        definition = .positional(name, help: help, default: defaultValue.defaultValueDescription)
        read = { slot throws(ValidationError) in try slot.last(Value.self) ?? defaultValue }
    }
}

extension Positional {
    /// Declares an optional positional, which reads `nil` when not given.
    package init<Wrapped: ExpressibleByArgument>(_ name: String, help: String) where Value == Wrapped? {
        definition = .positional(name, help: help, optional: true)
        read = { slot throws(ValidationError) in try slot.last(Wrapped.self) }
    }

    /// Declares a positional that takes every remaining word; unless `optional`, it
    /// needs at least one.
    package init<Element: ExpressibleByArgument>(
        _ name: String, help: String, optional: Bool = false
    ) where Value == [Element] {
        definition = .positional(name, help: help, optional: optional, repeating: true)
        read = { slot throws(ValidationError) in try slot.all(Element.self) }
    }
}
