extension JSONValue {
    /// Nested objects flattened to dotted keys (`train.learning_rate`), in document
    /// order; arrays and scalars are leaves. An empty object is kept as a leaf so a
    /// section with no keys still shows. The key prefix of the whole value is `prefix`.
    package func flattened(prefix: String = "") -> [(key: String, value: JSONValue)] {
        var entries: [(key: String, value: JSONValue)] = []
        // One list filled in place: building and concatenating a list per level
        // would copy every leaf once per level above it.
        appendFlattened(prefix: prefix, to: &entries)
        return entries
    }

    private func appendFlattened(prefix: String, to entries: inout [(key: String, value: JSONValue)]) {
        guard case .object(let members) = self, !members.isEmpty || prefix.isEmpty else {
            if !prefix.isEmpty { entries.append((prefix, self)) }
            return
        }
        for member in members {
            member.value.appendFlattened(prefix: prefix.isEmpty ? member.key : "\(prefix).\(member.key)", to: &entries)
        }
    }

    /// Whether two values are the same parameter value: like `==`, except that
    /// numbers compare by value, so `1` and `1.0` are equal (as YAML readers treat them).
    package func sameValue(as other: JSONValue) -> Bool {
        switch (self, other) {
        case let (.int(a), .double(b)), let (.double(b), .int(a)): return Double(a) == b
        case let (.array(a), .array(b)): return a.count == b.count && zip(a, b).allSatisfy { $0.sameValue(as: $1) }
        case let (.object(a), .object(b)):
            guard a.count == b.count else { return false }
            // Members in the same order (the usual case) compare pairwise; otherwise a
            // dictionary finds each key, so large objects do not compare in quadratic time.
            if zip(a, b).allSatisfy({ $0.key == $1.key }) {
                return zip(a, b).allSatisfy { $0.value.sameValue(as: $1.value) }
            }
            let others = Dictionary(b.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
            return a.allSatisfy { member in others[member.key].map { $0.sameValue(as: member.value) } ?? false }
        default: return self == other
        }
    }
}
