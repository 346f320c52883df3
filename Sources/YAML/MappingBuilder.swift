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

        /// The identity of a key that is already part of a parsed mapping (its text is bounded).
        init(_ key: YAMLNode) {
            switch key.value {
            case .sequence, .mapping: self = .collection(key.jsonKey)
            default: self = .scalar(key.value)
            }
        }

        /// The identity of a new key; a collection whose JSON text is too long is refused.
        static func checked(_ key: YAMLNode) throws(Diagnostic) -> KeyIdentity {
            guard !key.isScalar else { return .scalar(key.value) }
            guard let text = key.canonicalJSON(limit: YAMLNode.maximumKeyLength) else {
                throw .error(
                    "this \(key.kindDescription.dropFirst(2)) used as a mapping key is longer than \(YAMLNode.maximumKeyLength) bytes as JSON",
                    at: key.location,
                    hint: "use a plain scalar key; a collection key is written out as JSON text, which doubles with every key nested in a key")
            }
            return .collection(text)
        }
    }

    /// Entries with lookup by key: a scan while the list is short, a dictionary after.
    private struct KeyedPairs {
        /// Above this many entries, lookups go through a dictionary instead of a scan.
        static let linearLimit = 12

        var pairs: [YAMLPair] = []
        /// Each entry's key identity, computed once.
        private var identities: [KeyIdentity] = []
        /// Positions by key, kept once the list outgrows `linearLimit`.
        private var index: [KeyIdentity: Int] = [:]

        func position(of identity: KeyIdentity) -> Int? {
            if !index.isEmpty { return index[identity] }
            return identities.firstIndex(of: identity)
        }

        mutating func append(_ pair: consuming YAMLPair, identity: KeyIdentity) {
            if pairs.count >= Self.linearLimit {
                if index.isEmpty {
                    for (offset, known) in identities.enumerated() { index[known] = offset }
                }
                index[identity] = pairs.count
            }
            pairs.append(pair)
            identities.append(identity)
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
        let identity = try KeyIdentity.checked(pair.key)
        if let existing = explicit.position(of: identity) {
            throw duplicate(pair.key, first: explicit.pairs[existing].key)
        }
        explicit.append(pair, identity: identity)
    }

    /// The entries: merged ones first (in merge order), each replaced in place by an
    /// explicit entry with the same key, then the remaining explicit entries.
    func finish() throws(Diagnostic) -> [YAMLPair] {
        guard !mergeSources.isEmpty else { return explicit.pairs }
        var result = KeyedPairs()
        for source in mergeSources {
            guard case .mapping(let merged) = source.value else { continue }
            for pair in merged {
                let identity = KeyIdentity(pair.key)
                if result.position(of: identity) == nil { result.append(pair, identity: identity) }
            }
        }
        for pair in explicit.pairs {
            let identity = KeyIdentity(pair.key)
            if let existing = result.position(of: identity) {
                result.pairs[existing] = pair
            } else {
                result.append(pair, identity: identity)
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
