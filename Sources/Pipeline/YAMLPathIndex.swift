import YAML

/// Finds the node at a key path (`train.lr`, `layers.0`) of one YAML tree in time
/// proportional to the path, however large the mappings along it.
///
/// `YAMLNode`'s subscript scans a mapping's entries, so a pipeline naming thousands
/// of keys of a large params file scanned the file once per key (8,000 keys: 40 s).
/// The index numbers the tree's collections and keeps, for each large mapping, the
/// position of every key; small mappings are still scanned, which is cheaper.
struct YAMLPathIndex: Sendable {
    /// The indexed tree.
    let root: YAMLNode
    /// The number of the collection at `position` inside collection `parent` (the root is 0).
    private var collections: [Child: Int] = [:]
    /// The position of `key` in the large mapping numbered `mapping`.
    private var positions: [Key: Int] = [:]

    private struct Child: Hashable {
        var parent: Int
        var position: Int
    }

    private struct Key: Hashable {
        var mapping: Int
        var key: String
    }

    /// Mappings with more entries than this are looked up through `positions`.
    private static let scanLimit = 12

    /// Indexes `root`, visiting each node once.
    init(_ root: YAMLNode) {
        self.root = root
        var pending: [(node: YAMLNode, number: Int)] = [(root, 0)]
        var next = 1
        while let (node, number) = pending.popLast() {
            let children: [YAMLNode]
            switch node.value {
            case .mapping(let pairs):
                if pairs.count > Self.scanLimit { indexKeys(of: pairs, mapping: number) }
                children = pairs.map(\.value)
            case .sequence(let items):
                children = items
            default:
                continue
            }
            for (position, child) in children.enumerated() where !child.isScalar {
                collections[Child(parent: number, position: position)] = next
                pending.append((child, next))
                next += 1
            }
        }
    }

    /// Records key positions with the subscript's precedence: a string key equal to
    /// the name first, otherwise the first scalar key whose text is the name.
    private mutating func indexKeys(of pairs: [YAMLPair], mapping: Int) {
        for (position, pair) in pairs.enumerated() {
            guard case .string(let key) = pair.key.value else { continue }
            let entry = Key(mapping: mapping, key: key)
            if positions[entry] == nil { positions[entry] = position }
        }
        for (position, pair) in pairs.enumerated() where pair.key.isScalar {
            guard let text = pair.key.text else { continue }
            let entry = Key(mapping: mapping, key: text)
            if positions[entry] == nil { positions[entry] = position }
        }
    }

    /// The node reached by following mapping keys (or sequence indices) in `path`;
    /// each key is found as `YAMLNode`'s subscript finds it.
    func node(at path: [String]) -> YAMLNode? {
        var node = root
        var number = 0
        for part in path {
            let position: Int
            switch node.value {
            case .mapping(let pairs):
                let found = pairs.count > Self.scanLimit
                    ? positions[Key(mapping: number, key: part)]
                    : pairs.firstIndex { $0.key.value == .string(part) } ?? pairs.firstIndex { $0.key.isScalar && $0.key.text == part }
                guard let found else { return nil }
                position = found
                node = pairs[found].value
            case .sequence(let items):
                guard let index = Int(part), items.indices.contains(index) else { return nil }
                position = index
                node = items[index]
            default:
                return nil
            }
            // A scalar has no number; the next step, if any, finds nothing in it.
            number = collections[Child(parent: number, position: position)] ?? -1
        }
        return node
    }
}
