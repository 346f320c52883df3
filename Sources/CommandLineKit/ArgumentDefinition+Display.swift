/// How a definition is spelled in usage lines, help labels and error messages.
extension ArgumentDefinition {
    /// The long spelling, `--name`, or the positional placeholder, `<name>`.
    var longSpelling: String {
        kind == .positional ? "<\(valueName)>" : "--\(name)"
    }

    /// The short spelling, `-x`, when there is one.
    var shortSpelling: String? { short.map { "-\($0)" } }

    /// The name of the argument as errors show it: `--file <path>`, `--force`, `<keys>`.
    var displayName: String { display(spelling: longSpelling) }

    /// The argument as the user spelled it, with its placeholder: `-j <n>`.
    func display(spelling: String) -> String {
        kind == .option ? "\(spelling) <\(valueName)>" : spelling
    }

    /// The left column of help: `-f, --file <path>`, `--color/--no-color`, `<keys>`.
    var helpLabel: String {
        switch kind {
        case .positional:
            return longSpelling
        case .flag:
            let long = hasInversion ? "--\(name)/--no-\(name)" : longSpelling
            return shortSpelling.map { "\($0), \(long)" } ?? long
        case .option:
            let long = displayName
            return shortSpelling.map { "\($0), \(long)" } ?? long
        }
    }

    /// The right column of help: the help sentence and the default, if any.
    var helpDescription: String {
        guard let defaultValue else { return help }
        // A flag's default is worth showing only when it is on, as the spelling that
        // would turn it on.
        let suffix = kind == .flag ? "(default: \(longSpelling))" : "(default: \(defaultValue))"
        return help.isEmpty ? suffix : "\(help) \(suffix)"
    }

    /// The piece of a usage line: `[--file <path>]`, `--model <path>`, `[<keys> ...]`.
    var usageUnit: String {
        var unit: String
        switch kind {
        case .positional: unit = longSpelling
        case .flag: unit = hasInversion ? "--\(name)/--no-\(name)" : longSpelling
        case .option: unit = displayName
        }
        if isRepeating { unit += " ..." }
        return isRequired ? unit : "[\(unit)]"
    }

    /// The error for a required argument that was not given.
    var missingMessage: String {
        kind == .positional
            ? "missing expected argument '\(displayName)'"
            : "missing required option '\(displayName)'"
    }
}
