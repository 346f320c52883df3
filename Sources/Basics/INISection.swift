import Foundation

/// The `key = value` lines of one section of an INI file, as DVC writes `.dvc/config`
/// (configobj's syntax): `[section]` headers, `#` and `;` comment lines, values
/// optionally in quotes, a `#` comment after an unquoted value.
///
/// Only what sluice reads from such a file is parsed; other sections are skipped unread.
/// The same syntax serves `~/.aws/credentials`.
package struct INISection {
    /// One `key = value` line.
    package struct Entry: Equatable, Sendable {
        /// The key, trimmed.
        package var key: String
        /// The value, without quotes or a trailing comment.
        package var value: String
        /// Where the key starts.
        package var keyLocation: SourceLocation
        /// Where the value starts (the key's place for a line without `=`).
        package var location: SourceLocation
        /// Whether the line had a `=`.
        package var hasValue: Bool
    }

    /// The entries of section `name` in `text`, in order; `file` names the file in locations.
    package static func entries(of name: String, in text: String, file: String) -> [Entry] {
        var entries: [Entry] = []
        var inside = false
        // "\r\n" is one `Character`, so it is a separator of its own.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (offset, line) in lines.enumerated() {
            let trimmed = String(line).trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix(";") { continue }
            if trimmed.hasPrefix("[") {
                inside = unquoted(String(trimmed.dropFirst().prefix { $0 != "]" }).trimmingCharacters(in: .whitespaces)) == name
                continue
            }
            guard inside else { continue }
            let lineNumber = offset + 1
            let keyColumn = line.unicodeScalars.prefix { $0 == " " || $0 == "\t" }.count + 1
            let keyLocation = SourceLocation(file: file, line: lineNumber, column: keyColumn)
            guard let equals = line.firstIndex(of: "=") else {
                entries.append(Entry(key: trimmed, value: "", keyLocation: keyLocation, location: keyLocation, hasValue: false))
                continue
            }
            let key = String(line[..<equals]).trimmingCharacters(in: .whitespaces)
            let afterEquals = line[line.index(after: equals)...]
            let leading = afterEquals.unicodeScalars.prefix { $0 == " " || $0 == "\t" }.count
            let column = line[..<equals].unicodeScalars.count + 1 + leading + 1
            entries.append(Entry(key: key, value: value(String(afterEquals).trimmingCharacters(in: .whitespaces)),
                                 keyLocation: keyLocation, location: SourceLocation(file: file, line: lineNumber, column: column),
                                 hasValue: true))
        }
        return entries
    }

    /// A value without its quotes, or without a trailing ` # comment` when unquoted.
    private static func value(_ text: String) -> String {
        if let first = text.first, first == "\"" || first == "'",
           let close = text.dropFirst().firstIndex(of: first) {
            return String(text[text.index(after: text.startIndex)..<close])
        }
        if let comment = text.range(of: " #") ?? text.range(of: "\t#") {
            return String(text[..<comment.lowerBound]).trimmingCharacters(in: .whitespaces)
        }
        return text
    }

    /// A section name without the quotes configobj allows around it.
    private static func unquoted(_ text: String) -> String {
        guard text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first else { return text }
        return String(text.dropFirst().dropLast())
    }
}
