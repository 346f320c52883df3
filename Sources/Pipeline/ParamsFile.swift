import Basics
import YAML

/// A loaded params file (params.yaml or another YAML file a stage names).
public struct ParamsFile: Sendable {
    /// The file, relative to the project root.
    public var path: String
    /// The document's root node.
    public var root: YAMLNode

    /// Creates a params file from its parsed document.
    public init(path: String, root: YAMLNode) {
        self.path = path
        self.root = root
    }

    /// The node at a dotted key such as `train.learning_rate` (`nil` when absent).
    public func node(at key: String) -> YAMLNode? {
        root.descendant(at: key.split(separator: ".", omittingEmptySubsequences: false).map(String.init))
    }

    /// The value at a dotted key as JSON, `nil` when absent.
    public func value(at key: String) -> JSONValue? { node(at: key)?.json }

    /// Every top-level key, for whole-file tracking and suggestions.
    public var topLevelKeys: [String] {
        guard case .mapping(let pairs) = root.value else { return [] }
        return pairs.map { $0.key.scalarText }
    }
}

extension YAMLNode {
    /// The node reached by following mapping keys (or sequence indices) in `path`.
    func descendant(at path: [String]) -> YAMLNode? {
        var node = self
        for part in path {
            switch node.value {
            case .mapping:
                guard let child = node[part] else { return nil }
                node = child
            case .sequence(let items):
                guard let index = Int(part), items.indices.contains(index) else { return nil }
                node = items[index]
            default: return nil
            }
        }
        return node
    }
}
