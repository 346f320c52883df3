/// A tree laid out for fast batch prediction: children side by side, so a row steps
/// to `left + (goes right ? 1 : 0)` with arithmetic instead of a branch that would
/// mispredict about every other node, and leaves that step to themselves, so every
/// row can take exactly `depth` steps.
struct CompiledTree: Sendable {
    /// One node, 16 bytes.
    struct Node: Sendable {
        /// A split's threshold, or a leaf's value.
        var condition: Float
        /// The feature a split tests (0 for a leaf).
        var feature: Int32
        /// The left child (the right one follows it), or the node itself for a leaf.
        var left: Int32
        /// 1 when missing values go left.
        var defaultLeft: UInt8
        /// 1 for a split, 0 for a leaf (which then stays where it is).
        var step: UInt8
    }

    /// The nodes, root first.
    let nodes: [Node]
    /// The most steps from the root to a leaf.
    let depth: Int

    /// Renumbers `tree` breadth first, placing each split's children next to each other.
    init(_ tree: RegressionTree) {
        var nodes: [Node] = []
        var queue: [(source: Int, depth: Int)] = [(0, 0)]
        var head = 0, depth = 0
        nodes.reserveCapacity(tree.nodes.count)
        while head < queue.count {
            let (source, level) = queue[head]
            let node = tree.nodes[source], id = Int32(nodes.count)
            depth = max(depth, level)
            if node.isLeaf {
                nodes.append(Node(condition: node.condition, feature: 0, left: id, defaultLeft: 0, step: 0))
            } else {
                // Children get the next free ids after everything already queued.
                let left = Int32(queue.count)
                queue.append((Int(node.left), level + 1))
                queue.append((Int(node.right), level + 1))
                nodes.append(Node(condition: node.condition, feature: node.feature, left: left,
                                  defaultLeft: node.defaultLeft ? 1 : 0, step: 1))
            }
            head += 1
        }
        self.nodes = nodes
        self.depth = depth
    }

    /// Adds this tree's value for each of `count` rows (their features, row-major with
    /// `featureCount` per row, in `values`) to `margins`; `positions` is scratch space.
    @inline(__always)
    func add(
        values: UnsafePointer<Float>, featureCount: Int, count: Int, positions: UnsafeMutablePointer<Int32>,
        to margins: UnsafeMutablePointer<Float>
    ) {
        nodes.withUnsafeBufferPointer { nodes in
            positions.update(repeating: 0, count: count)
            for _ in 0..<depth {
                for row in 0..<count {
                    let node = nodes[Int(positions[row])]
                    let x = values[row &* featureCount &+ Int(node.feature)]
                    let below = unsafeBitCast(x < node.condition, to: UInt8.self)
                    let missing = unsafeBitCast(x.isNaN, to: UInt8.self)
                    let right = (1 &- (below | (missing & node.defaultLeft))) & node.step
                    positions[row] = node.left &+ Int32(right)
                }
            }
            for row in 0..<count { margins[row] += nodes[Int(positions[row])].condition }
        }
    }
}
