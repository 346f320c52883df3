/// Typed reading of values, with errors that name the argument as the user typed it.
extension ParsedValues {
    /// The value of an option or positional as an integer, or `nil` when absent.
    ///
    /// Throws "invalid value 'x' for '-j <n>': expected an integer".
    public func int(_ name: String) throws(ValidationError) -> Int? {
        guard let text = string(name) else { return nil }
        guard let number = Int(text) else {
            throw invalidValue(name, "expected an integer")
        }
        return number
    }

    /// The value of an option or positional as a finite number, or `nil` when absent.
    ///
    /// Throws "invalid value 'x' for '--rate <r>': expected a number".
    public func double(_ name: String) throws(ValidationError) -> Double? {
        guard let text = string(name) else { return nil }
        // `Double` also reads "nan" and "inf", which no option of ours means.
        guard let number = Double(text), number.isFinite else {
            throw invalidValue(name, "expected a number")
        }
        return number
    }

    /// An error about the current value of `name`, located at the word that gave it:
    /// `invalidValue("jobs", "must be a positive integer")` reads
    /// "invalid value '0' for '-j <n>': must be a positive integer".
    public func invalidValue(_ name: String, _ reason: String) -> ValidationError {
        guard let slot = slot(named: name) else {
            return ValidationError("invalid value for '\(name)': \(reason)")
        }
        let definition = slot.definition
        let value = slot.occurrences.last?.value ?? definition.defaultValue ?? ""
        let spelling = slot.occurrences.last.map { definition.display(spelling: $0.spelling) }
            ?? definition.displayName
        return ValidationError(
            "invalid value '\(value)' for '\(spelling)': \(reason)",
            argumentIndex: slot.occurrences.last?.index)
    }
}
