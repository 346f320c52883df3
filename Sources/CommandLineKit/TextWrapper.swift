/// Lays out help text in lines of at most 80 columns.
enum TextWrapper {
    /// The width help is laid out for: the narrowest terminal still in common use.
    static let width = 80

    /// Fills `units` into lines no wider than `width`: the first line starts with
    /// `prefix`, the others with `indent` spaces.
    ///
    /// Units are words, or usage pieces such as `[--file <path>]` that must stay
    /// whole. A unit wider than a line gets a line of its own rather than being cut,
    /// because a cut path or option is worse than a long line.
    static func fill(_ units: [String], width: Int = width, prefix: String = "", indent: Int = 0) -> [String] {
        var lines: [String] = []
        var line = prefix
        var lineHasUnit = false
        for unit in units {
            if lineHasUnit, line.count + 1 + unit.count > width {
                lines.append(line)
                line = String(repeating: " ", count: indent)
                lineHasUnit = false
            }
            if lineHasUnit { line += " " }
            line += unit
            lineHasUnit = true
        }
        lines.append(line)
        return lines.map(trimmingTrailingSpaces)
    }

    /// Wraps text that may span several lines. Each line is filled on its own and
    /// keeps its leading indentation on its continuation lines (past the bullet of a
    /// `- ` or `* ` list item); blank lines stay. Authors therefore keep control of
    /// paragraphs, lists and code samples.
    static func wrap(_ text: String, width: Int = width, prefix: String = "", indent: Int = 0) -> [String] {
        let margin = String(repeating: " ", count: indent)
        var lines: [String] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let leading = String(line.prefix { $0 == " " })
            let body = line.dropFirst(leading.count)
            let hanging = body.hasPrefix("- ") || body.hasPrefix("* ") ? 2 : 0
            let words = line.split(separator: " ").map(String.init)
            let start = (number == 0 ? prefix : margin) + leading
            lines += fill(words, width: width, prefix: start, indent: indent + leading.count + hanging)
        }
        return lines
    }

    private static func trimmingTrailingSpaces(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}
