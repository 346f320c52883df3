/// Writes `JSONValue`s as text, the same bytes for the same value on every platform.
///
/// Doubles are written in the shortest form that reads back to the same bits and
/// always carry a `.` or an exponent, so a reader (XGBoost among them) never takes
/// a float for an integer. JSON has no NaN or infinity: those become `null`.
package struct JSONWriter: Sendable {
    /// Indentation per level when pretty-printing; `nil` writes compact JSON.
    package var indent: Int?
    /// Sort object members by key (canonical form) instead of keeping their order.
    package var sortKeys: Bool

    /// Compact, sorted: the canonical form used for hashing.
    package static let canonical = JSONWriter(indent: nil, sortKeys: true)
    /// Two-space indentation in document order: the form shown to people.
    package static let pretty = JSONWriter(indent: 2, sortKeys: false)

    /// Creates a writer.
    package init(indent: Int? = 2, sortKeys: Bool = false) {
        self.indent = indent
        self.sortKeys = sortKeys
    }

    /// The text of `value`, without a trailing newline.
    package func string(_ value: JSONValue) -> String {
        var out = ""
        write(value, level: 0, into: &out)
        return out
    }

    private func write(_ value: JSONValue, level: Int, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += Self.number(d)
        case .string(let s): Self.quote(s, into: &out)
        case .array(let items):
            writeContainer(items.map { (nil, $0) }, open: "[", close: "]", level: level, into: &out)
        case .object(let members):
            let ordered = sortKeys ? members.sorted { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) } : members
            writeContainer(ordered.map { ($0.key, $0.value) }, open: "{", close: "}", level: level, into: &out)
        }
    }

    private func writeContainer(
        _ items: [(String?, JSONValue)], open: String, close: String, level: Int, into out: inout String
    ) {
        out += open
        guard !items.isEmpty else {
            out += close
            return
        }
        for (index, (key, value)) in items.enumerated() {
            if index > 0 { out += "," }
            if let indent {
                out += "\n" + String(repeating: " ", count: indent * (level + 1))
            }
            if let key {
                Self.quote(key, into: &out)
                out += indent == nil ? ":" : ": "
            }
            write(value, level: level + 1, into: &out)
        }
        if let indent { out += "\n" + String(repeating: " ", count: indent * level) }
        out += close
    }

    /// A double as JSON: shortest round-trip digits, always with `.` or an exponent.
    package static func number(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        var text = "\(d)"
        if !text.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            text += ".0"
        }
        return text
    }

    /// Appends `s` as a JSON string literal, escaping what JSON requires.
    package static func quote(_ s: String, into out: inout String) {
        out += "\""
        // Most strings need no escape: they are appended whole, not scalar by scalar.
        guard s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
