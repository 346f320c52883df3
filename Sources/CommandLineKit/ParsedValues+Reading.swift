/// Reading values through declarations, with errors that name the argument as the
/// user typed it.
extension ParsedValues {
    /// Whether the flag is on: the last of `--x` and `--no-x` given, else its default.
    package subscript(flag: Flag) -> Bool {
        get throws(ValidationError) {
            let slot = try declaredSlot(flag.definition)
            guard let last = slot.occurrences.last else { return flag.definition.defaultValue == "true" }
            return last.value == "true"
        }
    }

    /// The option's value, converted to its type.
    ///
    /// Throws "invalid value 'x' for '-j <n>': expected an integer" for a word that
    /// does not convert.
    package subscript<Value>(option: Option<Value>) -> Value {
        get throws(ValidationError) { try option.read(declaredSlot(option.definition)) }
    }

    /// The positional argument's value, converted to its type.
    package subscript<Value>(positional: Positional<Value>) -> Value {
        get throws(ValidationError) { try positional.read(declaredSlot(positional.definition)) }
    }

    /// Whether the user gave the argument at all, as opposed to it taking its default.
    package func isGiven(_ declaration: some ArgumentDeclaration) -> Bool {
        !(slot(for: declaration.definition)?.occurrences.isEmpty ?? true)
    }

    /// An error about the current value of an argument, located at the word that gave
    /// it: `invalidValue(Self.jobs, "must be a positive integer")` reads
    /// "invalid value '0' for '-j <n>': must be a positive integer".
    package func invalidValue(_ declaration: some ArgumentDeclaration, _ reason: String) -> ValidationError {
        let definition = declaration.definition
        guard let slot = slot(for: definition) else {
            return ValidationError("invalid value for '\(definition.displayName)': \(reason)")
        }
        let value = slot.occurrences.last?.value ?? definition.defaultValue ?? ""
        let spelling = slot.occurrences.last.map { definition.display(spelling: $0.spelling) }
            ?? definition.displayName
        return ValidationError(
            "invalid value '\(value)' for '\(spelling)': \(reason)",
            argumentIndex: slot.occurrences.last?.index)
    }
}

/// Converting the words of one slot, for the declarations' readers.
extension ParsedValues.Slot {
    /// The last word given, converted; `nil` when none was given.
    func last<Value: ExpressibleByArgument>(_ type: Value.Type) throws(ValidationError) -> Value? {
        guard let occurrence = occurrences.last else { return nil }
        return try convert(occurrence)
    }

    /// Every word given, converted, in command-line order.
    func all<Value: ExpressibleByArgument>(_ type: Value.Type) throws(ValidationError) -> [Value] {
        var values: [Value] = []
        for occurrence in occurrences { values.append(try convert(occurrence)) }
        return values
    }

    /// The last word given, converted. The parser has already refused a command line
    /// without it; a read that finds none says so rather than inventing a value.
    func required<Value: ExpressibleByArgument>(_ type: Value.Type) throws(ValidationError) -> Value {
        guard let value = try last(Value.self) else { throw ValidationError(definition.missingMessage) }
        return value
    }

    private func convert<Value: ExpressibleByArgument>(_ occurrence: ParsedValues.Occurrence) throws(ValidationError) -> Value {
        guard let value = Value(argument: occurrence.value) else {
            let spelling = definition.display(spelling: occurrence.spelling)
            throw ValidationError(
                "invalid value '\(occurrence.value)' for '\(spelling)': expected \(Value.expectedArgument)",
                argumentIndex: occurrence.index)
        }
        return value
    }
}
