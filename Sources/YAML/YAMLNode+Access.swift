import Basics

extension YAMLNode {
    /// The value of the mapping entry whose key is the string `key`, when this is a mapping that has one.
    ///
    /// A non-string scalar key (`1:`, `true:`) matches by its text, so `node["1"]` finds it too.
    package subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = value else { return nil }
        if let pair = pairs.first(where: { $0.key.value == .string(key) }) { return pair.value }
        return pairs.first { $0.key.isScalar && $0.key.text == key }?.value
    }

    /// The string, when the node is a string scalar.
    package var stringValue: String? {
        if case .string(let s) = value { return s }
        return nil
    }

    /// The integer, when the node is an integer scalar.
    package var intValue: Int? {
        if case .int(let i) = value { return i }
        return nil
    }

    /// The number, when the node is an integer or a float scalar.
    package var doubleValue: Double? {
        switch value {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }

    /// The Boolean, when the node is a Boolean scalar.
    package var boolValue: Bool? {
        if case .bool(let b) = value { return b }
        return nil
    }

    /// The items, when the node is a sequence.
    package var sequenceValue: [YAMLNode]? {
        if case .sequence(let items) = value { return items }
        return nil
    }

    /// The entries, when the node is a mapping.
    package var mappingValue: [YAMLPair]? {
        if case .mapping(let pairs) = value { return pairs }
        return nil
    }

    /// Whether the node is a null scalar (`null`, `~` or nothing at all).
    package var isNull: Bool { value == .null }

    /// Whether the node is a scalar rather than a collection.
    package var isScalar: Bool {
        switch value {
        case .sequence, .mapping: return false
        default: return true
        }
    }

    /// What kind of node this is, phrased for messages such as "expected a mapping, found a string".
    package var kindDescription: String {
        switch value {
        case .null: return "null"
        case .bool: return "a Boolean"
        case .int: return "an integer"
        case .double: return "a number"
        case .string: return "a string"
        case .sequence: return "a sequence"
        case .mapping: return "a mapping"
        }
    }
}
