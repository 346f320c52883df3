import Basics
import GradientBoosting

/// One tree laid out for TreeSHAP: flat nodes with their covers, the categories of
/// categorical splits in one array, the tree's expected value and the features it uses.
struct ShapTree: Sendable {
    /// One node, 24 bytes.
    struct Node: Sendable {
        /// The left child (-1 for a leaf).
        var left: Int32
        /// The right child.
        var right: Int32
        /// The feature a split tests.
        var feature: Int32
        /// A split's threshold, or a leaf's value.
        var condition: Float
        /// The training cover (hessian sum): the weight of the path-dependent expectation.
        var cover: Float
        /// Where the right-going categories of a categorical split start in `categories`
        /// (-1 for a numeric split); `categoryCount` of them follow.
        var categoryStart: Int32
        /// How many right-going categories the split has.
        var categoryCount: Int16
        /// Where missing values go.
        var defaultLeft: Bool

        /// Whether the node is a leaf.
        @inline(__always) var isLeaf: Bool { left < 0 }
    }

    /// The nodes by id, root first.
    let nodes: [Node]
    /// The right-going category codes of every categorical split, each node's ascending
    /// (after one unused code).
    let categories: [Int32]
    /// The cover-weighted mean leaf value: what the tree adds to the bias column.
    let expectedValue: Float
    /// The distinct features the tree splits on, ascending.
    let features: [Int32]
    /// The deepest leaf's depth (the root alone is 0).
    let depth: Int

    /// The tree of `tree` (index `index` in its model, for errors); throws when a split
    /// has no cover to weigh its children by.
    init(_ tree: RegressionTree, index: Int) throws {
        guard !tree.nodes.isEmpty else {
            throw Diagnostic.failure("tree \(index) has no nodes", hint: "write the model again with 'sluice ml train'")
        }
        var nodes: [Node] = []
        // One unused code, so the array always has storage to point at.
        var categories: [Int32] = [0]
        nodes.reserveCapacity(tree.nodes.count)
        for (id, node) in tree.nodes.enumerated() {
            if !node.isLeaf {
                // A split divides its cover between its children; without it (a file with no
                // sum_hessian) the expectation over the training rows is unknown.
                guard node.sumHessian > 0, node.sumHessian.isFinite else {
                    throw Diagnostic.failure(
                        "tree \(index), node \(id): the model stores no cover (sum_hessian) for this split, which TreeSHAP weighs its branches by",
                        hint: "explain a model written by 'sluice ml train' or XGBoost's save_model (JSON), which store each node's cover")
                }
            }
            var start: Int32 = -1, count: Int16 = 0
            if node.isCategorical {
                let set = tree.categories[Int32(id)] ?? []
                start = Int32(categories.count)
                count = Int16(clamping: set.count)
                categories += set.prefix(Int(count))
            }
            nodes.append(Node(left: node.left, right: node.right, feature: node.feature, condition: node.condition,
                              cover: node.sumHessian, categoryStart: start, categoryCount: count, defaultLeft: node.defaultLeft))
        }
        self.nodes = nodes
        self.categories = categories
        self.features = Array(Set(nodes.filter { !$0.isLeaf }.map(\.feature))).sorted()
        self.depth = tree.depth
        self.expectedValue = Self.mean(nodes, 0)
    }

    /// The cover-weighted mean of the leaves under `id`, in float32 and in the order of
    /// XGBoost's `FillNodeMeanValues` (left times its cover, plus right times its cover,
    /// over the node's cover). A tree is at most as deep as it has nodes; trees from
    /// training or a checked model file are shallow enough for recursion.
    private static func mean(_ nodes: [Node], _ id: Int) -> Float {
        let node = nodes[id]
        guard !node.isLeaf else { return node.condition }
        var result = mean(nodes, Int(node.left)) * nodes[Int(node.left)].cover
        result += mean(nodes, Int(node.right)) * nodes[Int(node.right)].cover
        return result / node.cover
    }

    /// Scratch path elements one row's walk needs: the triangle of paths for depths up to `depth + 2`.
    var pathCapacity: Int {
        let levels = depth + 2
        return levels * (levels + 1) / 2
    }
}
