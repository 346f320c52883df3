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

    /// Above this many entries, lookups go through a dictionary instead of a scan.
    private static let linearLimit = 12

    private(set) var pairs: [YAMLPair] = []
    private var identities: [KeyIdentity] = []
    private var index: [KeyIdentity: Int] = [:]
    private var mergeSources: [YAMLNode] = []
    private var mergeKey: YAMLNode?

    /// Adds an entry written in the mapping.
    mutating func add(_ pair: YAMLPair) throws(Diagnostic) {
        if Self.isMergeKey(pair.key) {
            if let mergeKey {
                throw duplicate(pair.key, first: mergeKey)
            }
            mergeKey = pair.key
            try collectMergeSources(pair.value)
            return
        }
        let identity = KeyIdentity(pair.key)
        if let existing = position(of: identity) {
            throw duplicate(pair.key, first: pairs[existing].key)
        }
        if pairs.count == Self.linearLimit {
            for (offset, known) in identities.enumerated() { index[known] = offset }
        }
        if pairs.count >= Self.linearLimit { index[identity] = pairs.count }
        identities.append(identity)
        pairs.append(pair)
    }

    /// The entries: merged ones first (in merge order), each replaced in place by an
    /// explicit entry with the same key, then the remaining explicit entries.
    func finish() throws(Diagnostic) -> [YAMLPair] {
        guard !mergeSources.isEmpty else { return pairs }
        var result: [YAMLPair] = []
        var positions: [KeyIdentity: Int] = [:]
        for source in mergeSources {
            guard case .mapping(let merged) = source.value else { continue }
            for pair in merged {
                let identity = KeyIdentity(pair.key)
                if positions[identity] == nil {
                    positions[identity] = result.count
                    result.append(pair)
                }
            }
        }
        for (pair, identity) in zip(pairs, identities) {
            if let existing = positions[identity] {
                result[existing] = pair
            } else {
                positions[identity] = result.count
                result.append(pair)
            }
        }
        return result
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

    private func position(of identity: KeyIdentity) -> Int? {
        if pairs.count > Self.linearLimit { return index[identity] }
        return identities.firstIndex(of: identity)
    }

    private func duplicate(_ key: YAMLNode, first: YAMLNode) -> Diagnostic {
        let name = key.isScalar ? (key.text ?? "") : key.jsonKey
        return .error(
            "duplicate key '\(name)' (first defined at \(first.location.line):\(first.location.column))",
            at: key.location, hint: "a key may appear only once in a mapping; remove or rename one of them")
    }
}
