/// YAML text for a value, so a sweep point can be written into a params file and read
/// back as the same kind of value (a real stays a real: `1.0`, never `1`).
extension SearchValue {
    /// The value as a YAML 1.2 scalar: plain where the core schema reads it back as this
    /// value, single-quoted text otherwise (`'true'`, `'1e3'`, `'a: b'`).
    package var yamlText: String {
        switch self {
        case .int, .double, .bool: description
        case .string(let text): Self.isPlainSafe(text) ? text : "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        }
    }

    /// Whether `text` written plain reads back as the same text: it starts with a letter
    /// or underscore, holds only name characters, and is no word the core schema gives meaning.
    private static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else {
            return false
        }
        let allowed = text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_-./".unicodeScalars.contains(scalar))
        }
        let reserved: Set<String> = ["true", "false", "null", "yes", "no", "on", "off", "y", "n", ".inf", ".nan"]
        return allowed && !reserved.contains(text.lowercased())
    }
}
