/// Literals for the languages the exporters write, so that any stage name or path
/// (quotes, backslashes, newlines, `${{`, `{{`) reaches the engine as the same text.
enum Quoting {
    /// `text` as a Python string literal in single quotes, with every character
    /// outside printable ASCII escaped, so the file is plain ASCII whatever the text.
    static func python(_ text: String) -> String { "'" + escaped(text, quote: "'") + "'" }

    /// `text` as a YAML double-quoted scalar, escaping quotes, backslashes and every
    /// character outside printable ASCII.
    static func yaml(_ text: String) -> String { "\"" + escaped(text, quote: "\"") + "\"" }

    /// `text` with `quote`, backslashes and every character outside printable ASCII
    /// escaped the way Python literals and YAML double-quoted scalars both read them
    /// (`\n`, `\t`, `\r`, `\xHH`, `\uHHHH`, `\UHHHHHHHH`).
    private static func escaped(_ text: String, quote: Unicode.Scalar) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case quote: out += "\\" + String(quote)
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                let value = scalar.value
                if value >= 0x20 && value < 0x7F {
                    out.unicodeScalars.append(scalar)
                } else if value <= 0xFF {
                    out += "\\x" + hex(value, digits: 2)
                } else if value <= 0xFFFF {
                    out += "\\u" + hex(value, digits: 4)
                } else {
                    out += "\\U" + hex(value, digits: 8)
                }
            }
        }
        return out
    }

    /// `text` for a GitHub Actions value, where `${{` starts an expression that GitHub
    /// evaluates wherever it appears: each one is written as the expression `${{ '${{' }}`
    /// that yields it, then the whole is YAML-quoted.
    static func actions(_ text: String) -> String {
        yaml(text.replacing("${{", with: "${{ '${{' }}"))
    }

    /// `text` in single quotes for a POSIX shell.
    static func shell(_ text: String) -> String {
        "'" + text.replacing("'", with: "'\\''") + "'"
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
