/// A tree laid out for fast batch prediction as a complete binary tree: node `i`'s
/// children are `2i + 1` and `2i + 2`, so a row steps to `2i + 1 + (goes right ? 1 : 0)`
/// with arithmetic alone, where a branch would mispredict about every other node.
/// A leaf above the deepest level is pushed down (every row that reaches it takes the
/// remaining steps through copies of it), so every row takes exactly `depth` steps
/// and ends in the bottom level, which holds the leaf values.
struct CompiledTree: Sendable {
    /// One split, 12 bytes.
    struct Split: Sendable {
        /// The threshold: `x < condition` goes left.
        var condition: Float
        /// The feature tested.
        var feature: Int32
        /// 1 when missing values go left.
        var defaultLeft: UInt8
    }

    /// The deepest complete layout used; deeper trees (2^depth leaves) take the slower walk.
    static let maxDepth = 10

    /// The splits of levels `0..<depth`, level by level.
    let splits: [Split]
    /// The values of the `2^depth` bottom positions.
    let leaves: [Float]
    /// The number of steps from the root to the bottom.
    let depth: Int

    /// The complete layout of `tree`, or nil when it is deeper than `maxDepth`.
    init?(_ tree: RegressionTree) {
        let depth = tree.depth
        guard depth <= Self.maxDepth else { return nil }
        var splits = [Split](repeating: Split(condition: 0, feature: 0, defaultLeft: 1), count: (1 << depth) - 1)
        var leaves = [Float](repeating: 0, count: 1 << depth)
        // (source node, complete position, level); a leaf above the bottom fills its whole subtree.
        var stack: [(node: Int, position: Int, level: Int)] = [(0, 0, 0)]
        while let (id, position, level) = stack.popLast() {
            let node = tree.nodes[id]
            if node.isLeaf {
                // Every bottom position under `position` gets the leaf's value; the
                // copies' splits keep their default (everything goes left, then on).
                let first = ((position + 1) << (depth - level)) - 1 - ((1 << depth) - 1)
                for bottom in first..<(first + (1 << (depth - level))) { leaves[bottom] = node.condition }
            } else {
                splits[position] = Split(condition: node.condition, feature: node.feature, defaultLeft: node.defaultLeft ? 1 : 0)
                stack.append((Int(node.left), 2 * position + 1, level + 1))
                stack.append((Int(node.right), 2 * position + 2, level + 1))
            }
        }
        self.splits = splits
        self.leaves = leaves
        self.depth = depth
    }

    /// Adds this tree's value for each of `count` rows (their features, row-major with
    /// `featureCount` per row, in `values`) to `margins`; `positions` is scratch space.
    @inline(__always)
    func add(
        values: UnsafePointer<Float>, featureCount: Int, count: Int, positions: UnsafeMutablePointer<Int32>,
        to margins: UnsafeMutablePointer<Float>
    ) {
        splits.withUnsafeBufferPointer { splits in
            positions.update(repeating: 0, count: count)
            for _ in 0..<depth {
                for row in 0..<count {
                    let position = positions[row]
                    let split = splits[Int(position)]
                    let x = values[row &* featureCount &+ Int(split.feature)]
                    let below = unsafeBitCast(x < split.condition, to: UInt8.self)
                    let missing = unsafeBitCast(x.isNaN, to: UInt8.self)
                    let right = 1 &- (below | (missing & split.defaultLeft))
                    positions[row] = position &* 2 &+ 1 &+ Int32(right)
                }
            }
        }
        let offset = (1 << depth) - 1
        leaves.withUnsafeBufferPointer { leaves in
            for row in 0..<count { margins[row] += leaves[Int(positions[row]) &- offset] }
        }
    }
}
