// Basics: what every module shares, with nothing of sluice's own concepts in it:
// source locations and diagnostics (with the cause that decides the exit status),
// SHA-256 and file hashing, JSON values with a strict reader and a deterministic
// writer, atomic file writes, graph algorithms, a seedable PRNG, the parallel loop,
// name suggestions, system errors in plain words.
//
// What this module must not know: any other sluice module (it uses only the toolchain
// and CSluiceSHA), pipelines, stages, runs, models or the command line. It never
// prints: diagnostics are values, and only the CLI renders them.

/// A message for the user about their input, located where possible.
///
/// Modules return diagnostics instead of printing them; only the CLI renders them
/// (see `Diagnostic.rendered(source:)`).
package struct Diagnostic: CategorizedError, Hashable, CustomStringConvertible {
    /// How serious the message is.
    package enum Severity: String, Sendable, Hashable {
        case error, warning, note
    }

    /// How serious the message is.
    package var severity: Severity
    /// What is wrong, in one sentence without a trailing period.
    package var message: String
    /// Where it is wrong, when the input has a place.
    package var location: SourceLocation?
    /// What the user can do about it, when there is something to say.
    package var hint: String?
    /// Whether the configuration is wrong or the work failed: the exit status.
    package var cause: ErrorCause

    /// Creates a diagnostic.
    package init(
        _ severity: Severity = .error, _ message: String,
        at location: SourceLocation? = nil, hint: String? = nil, cause: ErrorCause = .configuration
    ) {
        self.severity = severity
        self.message = message
        self.location = location
        self.hint = hint
        self.cause = cause
    }

    /// Shorthand for an error in the command line or a configuration file (exit status 2).
    package static func error(_ message: String, at location: SourceLocation? = nil, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, hint: hint)
    }

    /// Shorthand for an error in the data, or a failure of the work (exit status 1).
    package static func failure(_ message: String, at location: SourceLocation? = nil, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, hint: hint, cause: .failure)
    }

    /// The same diagnostic, reported as a failure of the work on bad data (exit status 1):
    /// for callers that know the file they read is data, not configuration.
    package var asFailure: Diagnostic {
        var copy = self
        copy.cause = .failure
        return copy
    }

    /// Shorthand for a warning.
    package static func warning(_ message: String, at location: SourceLocation? = nil, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, hint: hint)
    }

    /// `file:line:col: error: message` (without the source excerpt).
    package var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        return "\(prefix)\(severity.rawValue): \(message)"
    }

    /// The full text shown to a user: the headline, the offending source line with a
    /// caret under the column when `source` (the file's text) is given, then the hint.
    package func rendered(source: String? = nil) -> String {
        let excerpt = location.flatMap { location in
            source.flatMap { SourceExcerpt(source: $0, line: location.line, column: location.column) }
        }
        return rendered(excerpt: excerpt)
    }

    /// The full text shown to a user, quoting `excerpt` (the located line) with a caret.
    package func rendered(excerpt: SourceExcerpt?) -> String {
        var lines = [description]
        if let excerpt {
            lines.append("    " + excerpt.text)
            let caretOffset = excerpt.text.unicodeScalars.prefix(max(0, excerpt.caretColumn - 1))
                .map { $0 == "\t" ? "\t" : " " }.joined()
            lines.append("    " + caretOffset + "^")
        }
        if let hint { lines.append("  hint: " + hint) }
        return lines.joined(separator: "\n")
    }
}

/// Several diagnostics reported together, so a user sees every problem at once.
package struct DiagnosticList: CategorizedError {
    /// The diagnostics, in the order they were found.
    package var diagnostics: [Diagnostic]

    /// A configuration error when any error in the list is one, else a failure.
    package var cause: ErrorCause {
        diagnostics.contains { $0.severity == .error && $0.cause == .configuration } ? .configuration : .failure
    }

    /// Creates a list.
    package init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
