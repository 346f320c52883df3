/// Text made safe for XML and HTML content and attribute values.
package enum XMLText {
    /// `text` with `& < > " '` written as entities, and the control characters
    /// XML 1.0 forbids (everything below U+0020 but tab, newline and return, and
    /// U+FFFE/U+FFFF) replaced by U+FFFD, so any string a user wrote gives a
    /// well-formed document.
    package static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                let forbidden = scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF
                result.unicodeScalars.append(forbidden ? "\u{FFFD}" : scalar)
            }
        }
        return result
    }

    /// `text` cut to `limit` characters with an ellipsis, for labels that must fit a margin.
    static func shortened(_ text: String, to limit: Int) -> String {
        guard text.count > limit, limit > 1 else { return text }
        return String(text.prefix(limit - 1)) + "…"
    }
}
