/// Decides how the emitter writes a string: plain when that reads back as the same
/// string, double-quoted with escapes otherwise.
enum YAMLScalarStyle {
    /// `text` as a plain scalar when safe, else as a double-quoted scalar.
    static func quotedIfNeeded(_ text: String) -> String {
        isSafePlain(text) ? text : doubleQuoted(text)
    }

    /// Whether `text` written plainly (in block context, as a key or a value) reads back
    /// as exactly this string.
    static func isSafePlain(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, let last = bytes.last else { return false }
        guard case .string = CoreSchema.resolve(text), text != "<<" else { return false }
        if first.isBlank || last.isBlank || last == UInt8(ascii: ":") { return false }
        if first.isIndicator {
            let dashOrQuestion = first == UInt8(ascii: "-") || first == UInt8(ascii: "?") || first == UInt8(ascii: ":")
            guard dashOrQuestion, bytes.count > 1, !bytes[1].isBlank else { return false }
        }
        if bytes.starts(with: Array("---".utf8)) || bytes.starts(with: Array("...".utf8)) { return false }
        for (index, byte) in bytes.enumerated() {
            if byte < 0x20 || byte == 0x7F { return false }
            if byte == UInt8(ascii: ":") && index + 1 < bytes.count && bytes[index + 1].isBlank { return false }
            if byte == UInt8(ascii: "#") && index > 0 && bytes[index - 1].isBlank { return false }
        }
        return !text.unicodeScalars.contains { needsEscape($0) }
    }

    /// Non-ASCII characters that must not appear raw: C1 controls, the Unicode line and
    /// paragraph separators, byte order marks and non-characters.
    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x80...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }

    /// `text` in double quotes, escaping quotes, backslashes and every character that
    /// is not printable.
    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\0": out += "\\0"
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            default:
                let value = scalar.value
                if value < 0x20 || (0x7F...0x9F).contains(value) {
                    out += "\\x" + hex(value, digits: 2)
                } else if needsEscape(scalar) {
                    out += "\\u" + hex(value, digits: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
