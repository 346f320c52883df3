import Basics

/// Usage errors about this command, each carrying its usage line.
extension CommandContext {
    /// An error about this command's command line.
    func usageError(_ message: String, suggestion: String? = nil, at index: Int? = nil) -> UsageError {
        UsageError(
            message, suggestion: suggestion, usage: UsageFormatter.usage(for: self),
            commandPath: path, argumentIndex: index)
    }

    /// `unknown option '--forse'`, suggesting the closest accepted spelling.
    func unknownOption(_ spelling: String, at index: Int) -> UsageError {
        let suggestion = Suggestion.closest(to: spelling, among: acceptedLongSpellings)
        return usageError("unknown option '\(spelling)'", suggestion: suggestion, at: index)
    }

    /// `unknown command 'repor' for 'sluice'`, suggesting the closest subcommand.
    func unknownCommand(_ word: String, at index: Int?) -> UsageError {
        let suggestion = Suggestion.closest(to: word, among: acceptedCommandNames)
        return usageError(
            "unknown command '\(word)' for '\(commandLine)'", suggestion: suggestion, at: index)
    }

    /// The command reached from here by following subcommand names (or aliases).
    ///
    /// Used by `help <command> [<sub>…]`, where each name must exist.
    func descendant(_ names: [String]) throws(UsageError) -> CommandContext {
        var current = self
        for name in names {
            guard let subcommand = current.subcommand(named: name) else {
                throw current.unknownCommand(name, at: nil)
            }
            current = current.child(subcommand)
        }
        return current
    }
}
