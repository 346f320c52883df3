extension JSONValue {
    /// Nested objects flattened to dotted keys (`train.learning_rate`), in document
    /// order; arrays and scalars are leaves. An empty object is kept as a leaf so a
    /// section with no keys still shows. The key prefix of the whole value is `prefix`.
    public func flattened(prefix: String = "") -> [(key: String, value: JSONValue)] {
        guard case .object(let members) = self, !members.isEmpty || prefix.isEmpty else {
            return prefix.isEmpty ? [] : [(prefix, self)]
        }
        return members.flatMap { member in
            member.value.flattened(prefix: prefix.isEmpty ? member.key : "\(prefix).\(member.key)")
        }
    }

    /// Whether two values are the same parameter value: like `==`, except that
    /// numbers compare by value, so `1` and `1.0` are equal (as YAML readers treat them).
    public func sameValue(as other: JSONValue) -> Bool {
        switch (self, other) {
        case let (.int(a), .double(b)), let (.double(b), .int(a)): return Double(a) == b
        case let (.array(a), .array(b)): return a.count == b.count && zip(a, b).allSatisfy { $0.sameValue(as: $1) }
        case let (.object(a), .object(b)):
            guard a.count == b.count else { return false }
            return a.allSatisfy { member in b.first { $0.key == member.key }.map { $0.value.sameValue(as: member.value) } ?? false }
        default: return self == other
        }
    }
}
