import Basics

/// Writes JSON-shaped values as deterministic block-style YAML.
///
/// The same value always gives the same bytes: two-space indentation, mapping entries
/// in the order given, `- ` sequence entries, `{}` and `[]` for empty collections, and
/// strings quoted only when they would otherwise read back as something else. Reading
/// the text back with `YAML.parse` gives the same `JSONValue`.
package enum YAMLEmitter {
    /// The YAML text of `value`, ending with a newline.
    package static func string(_ value: JSONValue) -> String {
        var out = ""
        switch value {
        case .object(let members) where !members.isEmpty:
            writeMapping(members, indent: 0, inline: false, into: &out)
        case .array(let items) where !items.isEmpty:
            writeSequence(items, indent: 0, inline: false, into: &out)
        default:
            out += scalar(value)
            out += "\n"
        }
        return out
    }

    /// Keys longer than this are written as explicit `? ` keys, since an implicit key
    /// may not exceed 1024 characters.
    private static let implicitKeyLimit = 1000

    /// Writes mapping entries at `indent`; with `inline`, the first entry continues the
    /// current line (after a sequence's `- `).
    private static func writeMapping(
        _ members: [(key: String, value: JSONValue)], indent: Int, inline: Bool, into out: inout String
    ) {
        for (position, member) in members.enumerated() {
            if !(inline && position == 0) { out += String(repeating: " ", count: indent) }
            let key = YAMLScalarStyle.quotedIfNeeded(member.key)
            if key.utf8.count > implicitKeyLimit {
                out += "? " + key + "\n" + String(repeating: " ", count: indent) + ":"
            } else {
                out += key + ":"
            }
            writeValue(member.value, indent: indent, into: &out)
        }
    }

    /// Writes sequence entries at `indent`; `inline` as for mappings.
    private static func writeSequence(_ items: [JSONValue], indent: Int, inline: Bool, into out: inout String) {
        for (position, item) in items.enumerated() {
            if !(inline && position == 0) { out += String(repeating: " ", count: indent) }
            out += "-"
            switch item {
            case .object(let members) where !members.isEmpty:
                out += " "
                writeMapping(members, indent: indent + 2, inline: true, into: &out)
            case .array(let nested) where !nested.isEmpty:
                out += " "
                writeSequence(nested, indent: indent + 2, inline: true, into: &out)
            default:
                out += " " + scalar(item) + "\n"
            }
        }
    }

    /// Writes the value after `key:`: on the same line for scalars and empty
    /// collections, on the following, deeper lines otherwise.
    private static func writeValue(_ value: JSONValue, indent: Int, into out: inout String) {
        switch value {
        case .object(let members) where !members.isEmpty:
            out += "\n"
            writeMapping(members, indent: indent + 2, inline: false, into: &out)
        case .array(let items) where !items.isEmpty:
            out += "\n"
            writeSequence(items, indent: indent + 2, inline: false, into: &out)
        default:
            out += " " + scalar(value) + "\n"
        }
    }

    /// A scalar (or empty collection) as it appears on a line.
    private static func scalar(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d):
            if d.isNaN { return ".nan" }
            if d.isInfinite { return d < 0 ? "-.inf" : ".inf" }
            return JSONWriter.number(d)
        case .string(let s): return YAMLScalarStyle.quotedIfNeeded(s)
        case .array: return "[]"
        case .object: return "{}"
        }
    }
}
