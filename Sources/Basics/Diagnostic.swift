/// A message for the user about their input, located where possible.
///
/// Modules return diagnostics instead of printing them; only the CLI renders them
/// (see `Diagnostic.rendered(source:)`).
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// How serious the message is.
    public enum Severity: String, Sendable, Hashable {
        case error, warning, note
    }

    /// How serious the message is.
    public var severity: Severity
    /// What is wrong, in one sentence without a trailing period.
    public var message: String
    /// Where it is wrong, when the input has a place.
    public var location: SourceLocation?
    /// What the user can do about it, when there is something to say.
    public var hint: String?

    /// Creates a diagnostic.
    public init(
        _ severity: Severity = .error, _ message: String,
        at location: SourceLocation? = nil, hint: String? = nil
    ) {
        self.severity = severity
        self.message = message
        self.location = location
        self.hint = hint
    }

    /// Shorthand for an error.
    public static func error(_ message: String, at location: SourceLocation? = nil, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, hint: hint)
    }

    /// Shorthand for a warning.
    public static func warning(_ message: String, at location: SourceLocation? = nil, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, hint: hint)
    }

    /// `file:line:col: error: message` (without the source excerpt).
    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        return "\(prefix)\(severity.rawValue): \(message)"
    }

    /// The full text shown to a user: the headline, the offending source line with a
    /// caret under the column when `source` (the file's text) is given, then the hint.
    public func rendered(source: String? = nil) -> String {
        var lines = [description]
        if let location, let source, let text = Self.line(location.line, of: source) {
            lines.append("    " + text)
            let caretOffset = text.unicodeScalars.prefix(max(0, location.column - 1))
                .map { $0 == "\t" ? "\t" : " " }.joined()
            lines.append("    " + caretOffset + "^")
        }
        if let hint { lines.append("  hint: " + hint) }
        return lines.joined(separator: "\n")
    }

    private static func line(_ number: Int, of source: String) -> String? {
        guard number >= 1 else { return nil }
        var current = 1
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == number {
                return line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
            }
            current += 1
        }
        return nil
    }
}

/// Several diagnostics reported together, so a user sees every problem at once.
public struct DiagnosticList: Error, Sendable {
    /// The diagnostics, in the order they were found.
    public var diagnostics: [Diagnostic]

    /// Creates a list.
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
