import Basics

extension YAMLNode {
    /// The node as JSON, for `--json` output and for hashing parameter values.
    ///
    /// Mapping keys become strings: a string key as is, another scalar key by its text
    /// (`1:` becomes `"1"`), a collection key by its canonical JSON text. When two keys
    /// collapse to the same string, the later value wins, as in most JSON readers.
    /// Non-finite doubles stay doubles; `JSONWriter` prints them as `null`.
    package var json: JSONValue {
        switch value {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .sequence(let items): return .array(items.map(\.json))
        case .mapping(let pairs): return .object(Self.jsonMembers(pairs))
        }
    }

    /// The string a mapping key becomes in JSON.
    ///
    /// A collection key's text is bounded in a parsed tree (`maximumKeyLength`); it is
    /// written without a limit here, since a caller-built key has no place to report to.
    package var jsonKey: String {
        switch value {
        case .string(let s): return s
        case .sequence, .mapping: return canonicalJSON(limit: .max) ?? ""
        default: return text ?? ""
        }
    }

    private static func jsonMembers(_ pairs: [YAMLPair]) -> [(key: String, value: JSONValue)] {
        var members: [(key: String, value: JSONValue)] = []
        members.reserveCapacity(pairs.count)
        // Keys rarely collide (only when a string and another scalar share a text), so
        // small mappings are checked by a scan and only large ones pay for a dictionary.
        var positions: [String: Int] = [:]
        for pair in pairs {
            let key = pair.key.jsonKey
            let value = pair.value.json
            let existing = pairs.count > 12 ? positions[key] : members.firstIndex { $0.key == key }
            if let existing {
                members[existing].value = value
            } else {
                if pairs.count > 12 { positions[key] = members.count }
                members.append((key: key, value: value))
            }
        }
        return members
    }
}
