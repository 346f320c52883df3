import Basics

/// Collects a mapping's entries, rejecting duplicate keys and applying merge keys.
///
/// Duplicates are errors, as in ruamel.yaml and DVC: a silently overwritten `lr:` is a
/// classic configuration bug. `<<: *base` (or `<<: [*a, *b]`) copies the entries of
/// the referenced mappings; keys written in the mapping itself win, and among several
/// merged mappings the earlier one wins.
struct MappingBuilder {
    /// How keys are compared: scalars by resolved value, collections by canonical JSON.
    enum KeyIdentity: Hashable {
        case scalar(YAMLNode.Value)
        case collection(String)

        init(_ key: YAMLNode) {
            switch key.value {
            case .sequence, .mapping: self = .collection(JSONWriter.canonical.string(key.json))
            default: self = .scalar(key.value)
            }
        }
    }

    /// Entries with lookup by key: a scan while the list is short, a dictionary after.
    private struct KeyedPairs {
        /// Above this many entries, lookups go through a dictionary instead of a scan.
        static let linearLimit = 12

        var pairs: [YAMLPair] = []
        /// Positions by key, kept once the list outgrows `linearLimit`.
        private var index: [KeyIdentity: Int] = [:]

        func position(of key: YAMLNode) -> Int? {
            if !index.isEmpty { return index[KeyIdentity(key)] }
            if key.isScalar { return pairs.firstIndex { $0.key.value == key.value } }
            let identity = KeyIdentity(key)
            return pairs.firstIndex { !$0.key.isScalar && KeyIdentity($0.key) == identity }
        }

        mutating func append(_ pair: consuming YAMLPair) {
            if pairs.count >= Self.linearLimit {
                if index.isEmpty {
                    for (offset, known) in pairs.enumerated() { index[KeyIdentity(known.key)] = offset }
                }
                index[KeyIdentity(pair.key)] = pairs.count
            }
            pairs.append(pair)
        }
    }

    private var explicit = KeyedPairs()
    private var mergeSources: [YAMLNode] = []
    private var mergeKey: YAMLNode?

    /// Adds an entry written in the mapping.
    mutating func add(_ pair: consuming YAMLPair) throws(Diagnostic) {
        if Self.isMergeKey(pair.key) {
            if let mergeKey {
                throw duplicate(pair.key, first: mergeKey)
            }
            mergeKey = pair.key
            try collectMergeSources(pair.value)
            return
        }
        if let existing = explicit.position(of: pair.key) {
            throw duplicate(pair.key, first: explicit.pairs[existing].key)
        }
        explicit.append(pair)
    }

    /// The entries: merged ones first (in merge order), each replaced in place by an
    /// explicit entry with the same key, then the remaining explicit entries.
    func finish() throws(Diagnostic) -> [YAMLPair] {
        guard !mergeSources.isEmpty else { return explicit.pairs }
        var result = KeyedPairs()
        for source in mergeSources {
            guard case .mapping(let merged) = source.value else { continue }
            for pair in merged where result.position(of: pair.key) == nil {
                result.append(pair)
            }
        }
        for pair in explicit.pairs {
            if let existing = result.position(of: pair.key) {
                result.pairs[existing] = pair
            } else {
                result.append(pair)
            }
        }
        return result.pairs
    }

    /// `<<` written plainly (or tagged `!!merge`) is a merge key; `"<<"` in quotes is an ordinary key.
    private static func isMergeKey(_ key: YAMLNode) -> Bool {
        guard key.text == "<<" else { return false }
        if let tag = key.tag { return tag == CoreSchema.tagPrefix + "merge" }
        return key.style == .plain
    }

    private mutating func collectMergeSources(_ value: YAMLNode) throws(Diagnostic) {
        switch value.value {
        case .mapping:
            mergeSources.append(value)
        case .sequence(let items):
            for item in items {
                guard case .mapping = item.value else { throw badMergeValue(item) }
                mergeSources.append(item)
            }
        default:
            throw badMergeValue(value)
        }
    }

    private func badMergeValue(_ node: YAMLNode) -> Diagnostic {
        .error(
            "the merge key '<<' needs a mapping or a sequence of mappings, found \(node.kindDescription)",
            at: node.location, hint: "write '<<: *anchor' or '<<: [*a, *b]' where the anchors name mappings")
    }

    private func duplicate(_ key: YAMLNode, first: YAMLNode) -> Diagnostic {
        let name = key.isScalar ? (key.text ?? "") : key.jsonKey
        return .error(
            "duplicate key '\(name)' (first defined at \(first.location.line):\(first.location.column))",
            at: key.location, hint: "a key may appear only once in a mapping; remove or rename one of them")
    }
}
