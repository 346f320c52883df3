import Basics
import YAML

/// A loaded params file (params.yaml or another YAML file a stage names).
package struct ParamsFile: Sendable {
    /// The file, relative to the project root.
    package var path: String
    /// The document's root node.
    package var root: YAMLNode {
        didSet { index = YAMLPathIndex(root) }
    }
    /// Finds keys without scanning large mappings once per key.
    private var index: YAMLPathIndex

    /// Creates a params file from its parsed document.
    package init(path: String, root: YAMLNode) {
        self.path = path
        self.root = root
        index = YAMLPathIndex(root)
    }

    /// The node at a dotted key such as `train.learning_rate` (`nil` when absent).
    package func node(at key: String) -> YAMLNode? {
        index.node(at: key.split(separator: ".", omittingEmptySubsequences: false).map(String.init))
    }

    /// The value at a dotted key as JSON, `nil` when absent.
    package func value(at key: String) -> JSONValue? { node(at: key)?.json }

    /// Every top-level key, for whole-file tracking and suggestions.
    package var topLevelKeys: [String] {
        guard case .mapping(let pairs) = root.value else { return [] }
        return pairs.map { $0.key.scalarText }
    }
}
