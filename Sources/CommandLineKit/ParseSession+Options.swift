import Basics

/// Reading `--name`, `--name=value`, `--no-name`, `-x value`, `-xvalue` and `-abc`.
extension ParseSession {
    /// Whether `word` holds short options: a dash and letters, but not a negative
    /// number (which is a value) and not a lone `-` (which conventionally means
    /// standard input).
    static func isShortCluster(_ word: String) -> Bool {
        word.hasPrefix("-") && word.count > 1 && !isNegativeNumber(word)
    }

    /// Whether `word` can be the value of an option given in the next word.
    static func isValue(_ word: String) -> Bool {
        !word.hasPrefix("-") || word == "-" || isNegativeNumber(word)
    }

    private static func isNegativeNumber(_ word: String) -> Bool {
        // `Double` also reads "-inf" and "-nan"; those stay option-like.
        guard let first = word.dropFirst().first, first.isASCII, first.isNumber || first == "." else {
            return false
        }
        return Double(word) != nil
    }

    mutating func readLongOption(_ word: String) throws(UsageError) -> ParseOutcome? {
        let body = word.dropFirst(2)
        let name = String(body.prefix { $0 != "=" })
        let inlineValue = body.firstIndex(of: "=").map { String(body[body.index(after: $0)...]) }
        let spelling = "--\(name)"

        if name == "help" { return .help(HelpFormatter.help(for: context), exitCode: .success) }
        if name == "version", context.offersVersion, let version = context.configuration.version {
            return .version(version)
        }
        if let definition = context.option(long: name) {
            if definition.kind == .flag {
                try rejectValue(inlineValue, for: spelling)
                try record(definition, value: "true", spelling: spelling)
            } else {
                // Not `??`: it rethrows as `any Error`, which typed throws cannot carry.
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else {
                    value = try nextValue(for: definition, spelling: spelling)
                }
                try record(definition, value: value, spelling: spelling)
            }
            return nil
        }
        if name.hasPrefix("no-"), let definition = context.option(long: String(name.dropFirst(3))),
            definition.kind == .flag, definition.hasInversion
        {
            try rejectValue(inlineValue, for: spelling)
            try record(definition, value: "false", spelling: spelling)
            return nil
        }
        throw context.unknownOption(spelling, at: index)
    }

    /// Reads `-abc` as flags `-a -b -c`; an option letter takes the rest of the word
    /// as its value (`-j4`) or, when it is last, the next word (`-j 4`).
    mutating func readShortCluster(_ word: String) throws(UsageError) -> ParseOutcome? {
        let letters = Array(word.dropFirst())
        for (position, letter) in letters.enumerated() {
            let spelling = "-\(letter)"
            if letter == "h", context.option(short: "h") == nil {
                return .help(HelpFormatter.help(for: context), exitCode: .success)
            }
            guard let definition = context.option(short: letter) else {
                throw unknownShortOption(spelling, in: word)
            }
            if definition.kind == .flag {
                try record(definition, value: "true", spelling: spelling)
                continue
            }
            let rest = String(letters[(position + 1)...])
            let value = try rest.isEmpty ? nextValue(for: definition, spelling: spelling) : rest
            try record(definition, value: value, spelling: spelling)
            return nil
        }
        return nil
    }

    /// `unknown option '-o' in '-force'`; a single-dash word that is close to a long
    /// name is most likely that long name with one dash missing.
    private func unknownShortOption(_ spelling: String, in word: String) -> UsageError {
        guard word.count > 2 else { return context.unknownOption(spelling, at: index) }
        let suggestion = Suggestion.closest(to: "-" + word, among: context.acceptedLongSpellings)
        return context.usageError(
            "unknown option '\(spelling)' in '\(word)'", suggestion: suggestion, at: index)
    }

    private func rejectValue(_ value: String?, for spelling: String) throws(UsageError) {
        guard value != nil else { return }
        throw context.usageError("flag '\(spelling)' does not take a value", at: index)
    }

    /// The word after the option as its value, consuming it.
    private mutating func nextValue(for definition: ArgumentDefinition, spelling: String) throws(UsageError) -> String {
        let next = index + 1
        guard next < arguments.count, Self.isValue(arguments[next]) else {
            throw context.usageError(
                "missing value for '\(definition.display(spelling: spelling))'", at: index)
        }
        index = next
        return arguments[next]
    }
}
