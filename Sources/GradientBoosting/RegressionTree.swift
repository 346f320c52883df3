/// One tree, node by node in XGBoost's layout: node 0 is the root, and a leaf keeps
/// its value (already multiplied by the learning rate) where a split keeps its threshold.
package struct RegressionTree: Sendable, Equatable {
    /// One node.
    package struct Node: Sendable, Equatable {
        /// The left child's id, or -1 for a leaf.
        package var left: Int32 = -1
        /// The right child's id, or -1 for a leaf.
        package var right: Int32 = -1
        /// The parent's id (-1 for the root).
        package var parent: Int32 = -1
        /// The feature a split tests.
        package var feature: Int32 = 0
        /// A split's threshold (`x < condition` goes left), or a leaf's value.
        package var condition: Float = 0
        /// Where a split sends missing values.
        package var defaultLeft = false
        /// Whether the split tests categories (`RegressionTree.categories`) rather than a threshold.
        package var isCategorical = false
        /// The node's weight before the learning rate.
        package var baseWeight: Float = 0
        /// A split's gain.
        package var lossChange: Float = 0
        /// The hessian sum of the node's training rows.
        package var sumHessian: Float = 0
        /// A split's last left bin, while training (-1 when only missing values go left).
        var splitBin: Int16 = 0

        /// A leaf of value 0 with no parent; set the fields to make any node.
        package init() {}

        /// Whether the node is a leaf.
        @inline(__always) package var isLeaf: Bool { left < 0 }
    }

    /// The nodes, by id.
    package var nodes: [Node]
    /// For each categorical split, by node id: the category codes that go right,
    /// ascending (XGBoost's `categories`); every other category goes left.
    package var categories: [Int32: [Int32]]

    /// A tree from its nodes and the right-going categories of its categorical splits.
    package init(nodes: [Node], categories: [Int32: [Int32]] = [:]) {
        self.nodes = nodes
        self.categories = categories
    }

    /// Whether a row whose value of the node's feature is `x` (not missing) goes right
    /// at categorical split `id`: its code is in the node's set. As XGBoost's
    /// `Decision`, a value that is no valid code (negative, or 2^24 and above) goes
    /// left, and a fraction is cut to its whole part.
    @inline(__always)
    package func goesRight(category x: Float, node id: Int) -> Bool {
        guard x >= 0, x < 16_777_216, let set = categories[Int32(id)] else { return false }
        let code = Int32(x)
        var low = 0, high = set.count
        while low < high {
            let middle = (low + high) / 2
            if set[middle] < code { low = middle + 1 } else { high = middle }
        }
        return low < set.count && set[low] == code
    }

    /// Per node, the categories that go right as bits (empty for other nodes), or nil
    /// when the tree has no categorical split: how training walks it on bins.
    var categoryBits: [CategoryBits]? {
        guard !categories.isEmpty else { return nil }
        var bits = [CategoryBits](repeating: CategoryBits(), count: nodes.count)
        for (id, codes) in categories where bits.indices.contains(Int(id)) { bits[Int(id)] = CategoryBits(codes) }
        return bits
    }

    /// The number of leaves.
    package var leafCount: Int { nodes.reduce(0) { $0 + ($1.isLeaf ? 1 : 0) } }

    /// The deepest level of a leaf (the root alone is depth 0).
    package var depth: Int {
        var depths = [Int](repeating: 0, count: nodes.count)
        var deepest = 0
        for (id, node) in nodes.enumerated() where !node.isLeaf {
            depths[Int(node.left)] = depths[id] + 1
            depths[Int(node.right)] = depths[id] + 1
            deepest = max(deepest, depths[id] + 1)
        }
        return deepest
    }

    /// The leaf value for a row whose value of feature `f` is `value(f)` (missing as
    /// `BinMapper.isMissing` says: NaN, or not a finite float32).
    @inline(__always)
    package func leafValue(_ value: (Int) -> Double) -> Float {
        nodes.withUnsafeBufferPointer { nodes in
            var id = 0
            while true {
                let node = nodes[id]
                if node.isLeaf { return node.condition }
                let x = Float(value(Int(node.feature)))
                let goLeft = !x.isFinite ? node.defaultLeft
                    : node.isCategorical ? !goesRight(category: x, node: id) : x < node.condition
                id = Int(goLeft ? node.left : node.right)
            }
        }
    }

    /// Whether every node is reached from the root exactly once, through children
    /// whose parent is recorded correctly: what prediction needs to terminate, and
    /// what XGBoost needs to load the tree.
    var isWellFormed: Bool {
        guard !nodes.isEmpty else { return false }
        var seen = [Bool](repeating: false, count: nodes.count)
        var queue = [0]
        seen[0] = true
        while let id = queue.popLast() {
            let node = nodes[id]
            guard !node.isLeaf else { continue }
            for child in [Int(node.left), Int(node.right)] {
                guard child > 0, child < nodes.count, !seen[child], nodes[child].parent == Int32(id) else { return false }
                seen[child] = true
                queue.append(child)
            }
        }
        return seen.allSatisfy { $0 }
    }
}
