import Basics

extension YAMLNode {
    /// The longest text (in UTF-8 bytes) a collection used as a mapping key may have as
    /// canonical JSON. A complex key inside a complex key is escaped once more at every
    /// level, so its text doubles per level: 30 nested `? ` keys (61 bytes of YAML)
    /// would be a key of gigabytes. The parser refuses longer keys, so every key of a
    /// parsed tree converts to JSON in bounded time.
    static let maximumKeyLength = 4096

    /// The node's canonical JSON text, as `JSONWriter.canonical` writes `json`, or
    /// `nil` as soon as it would be longer than `limit` bytes.
    ///
    /// Written from the node directly, so nested collection keys are neither built
    /// as `JSONValue` trees first nor computed beyond the limit.
    func canonicalJSON(limit: Int) -> String? {
        var out = ""
        return writeCanonical(into: &out, limit: limit) ? out : nil
    }

    private func writeCanonical(into out: inout String, limit: Int) -> Bool {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += JSONWriter.number(d)
        case .string(let s): JSONWriter.quote(s, into: &out)
        case .sequence(let items):
            out += "["
            for (position, item) in items.enumerated() {
                if position > 0 { out += "," }
                guard out.utf8.count <= limit, item.writeCanonical(into: &out, limit: limit) else { return false }
            }
            out += "]"
        case .mapping(let pairs):
            guard let members = Self.canonicalMembers(pairs, limit: limit - out.utf8.count) else { return false }
            out += "{"
            for (position, member) in members.enumerated() {
                if position > 0 { out += "," }
                JSONWriter.quote(member.key, into: &out)
                out += ":"
                guard out.utf8.count <= limit, member.value.writeCanonical(into: &out, limit: limit) else { return false }
            }
            out += "}"
        }
        return out.utf8.count <= limit
    }

    /// A mapping's members as `json` has them (keys as JSON keys, the later of two
    /// equal keys winning), sorted as the canonical writer sorts them; `nil` when the
    /// keys alone are longer than `limit` bytes.
    private static func canonicalMembers(_ pairs: [YAMLPair], limit: Int) -> [(key: String, value: YAMLNode)]? {
        var members: [(key: String, value: YAMLNode)] = []
        var positions: [String: Int] = [:]
        var remaining = limit
        for pair in pairs {
            let key: String
            if pair.key.isScalar {
                key = pair.key.jsonKey
            } else {
                guard let text = pair.key.canonicalJSON(limit: remaining) else { return nil }
                key = text
            }
            remaining -= key.utf8.count
            guard remaining >= 0 else { return nil }
            if let existing = positions[key] {
                members[existing].value = pair.value
            } else {
                positions[key] = members.count
                members.append((key, pair.value))
            }
        }
        return members.sorted { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) }
    }
}
