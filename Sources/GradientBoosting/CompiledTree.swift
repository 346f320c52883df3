/// A tree laid out for fast batch prediction as a complete binary tree: node `i`'s
/// children are `2i + 1` and `2i + 2`, so a row steps to `2i + 1 + (goes right ? 1 : 0)`
/// with arithmetic alone, where a branch would mispredict about every other node.
/// A leaf above the deepest level is pushed down (every row that reaches it takes the
/// remaining steps through copies of it), so every row takes exactly `depth` steps
/// and ends in the bottom level, which holds the leaf values.
///
/// Missing values cost no test: a block of rows holds each feature twice, once with
/// a missing value as -infinity (it goes left of every threshold) and once as
/// +infinity (it goes right), and each split reads the copy that sends missing values
/// its default way. Missing is what training took as missing: NaN and ±infinity.
struct CompiledTree: Sendable {
    /// One split, 8 bytes.
    struct Split: Sendable {
        /// The threshold: `x < condition` goes left.
        var condition: Float
        /// The value slot read: `2 * feature`, plus 1 when missing values go right.
        var slot: Int32
    }

    /// The deepest complete layout used; deeper trees (2^depth leaves) take the slower walk.
    static let maxDepth = 10

    /// The splits of levels `0..<depth`, level by level.
    let splits: [Split]
    /// The values of the `2^depth` bottom positions.
    let leaves: [Float]
    /// The number of steps from the root to the bottom.
    let depth: Int

    /// The complete layout of `tree`, or nil when it is deeper than `maxDepth` or has
    /// categorical splits (a threshold cannot express a set of categories).
    init?(_ tree: RegressionTree) {
        let depth = tree.depth
        guard depth <= Self.maxDepth, tree.categories.isEmpty else { return nil }
        var splits = [Split](repeating: Split(condition: 0, slot: 0), count: (1 << depth) - 1)
        var leaves = [Float](repeating: 0, count: 1 << depth)
        // (source node, complete position, level); a leaf above the bottom fills its whole subtree.
        var stack: [(node: Int, position: Int, level: Int)] = [(0, 0, 0)]
        while let (id, position, level) = stack.popLast() {
            let node = tree.nodes[id]
            if node.isLeaf {
                // Every bottom position under `position` gets the leaf's value, so
                // the copies' splits may send rows either way.
                let first = ((position + 1) << (depth - level)) - 1 - ((1 << depth) - 1)
                for bottom in first..<(first + (1 << (depth - level))) { leaves[bottom] = node.condition }
            } else {
                splits[position] = Split(condition: node.condition, slot: node.feature &* 2 &+ (node.defaultLeft ? 0 : 1))
                stack.append((Int(node.left), 2 * position + 1, level + 1))
                stack.append((Int(node.right), 2 * position + 2, level + 1))
            }
        }
        self.splits = splits
        self.leaves = leaves
        self.depth = depth
    }

    /// Writes one feature's value into its two slots of a row (`slots` is the row's first).
    @inline(__always)
    static func fill(_ slots: UnsafeMutablePointer<Float>, feature: Int, value: Float) {
        let missing = !value.isFinite
        slots[2 &* feature] = missing ? -.infinity : value
        slots[2 &* feature &+ 1] = missing ? .infinity : value
    }

    /// Adds this tree's value for each of `count` rows (their value slots, row-major
    /// with `stride` slots per row, filled by `fill`) to `margins`; `positions` is
    /// scratch space.
    @inline(__always)
    func add(
        slots values: UnsafePointer<Float>, stride: Int, count: Int, positions: UnsafeMutablePointer<Int32>,
        to margins: UnsafeMutablePointer<Float>
    ) {
        guard depth > 0 else {
            for row in 0..<count { margins[row] += leaves[0] }
            return
        }
        splits.withUnsafeBufferPointer { splits in
            leaves.withUnsafeBufferPointer { leaves in
                // Every row starts at the root, so its split needs no lookup.
                let root = splits[0], rootValues = values + Int(root.slot)
                for row in 0..<count {
                    positions[row] = 2 &- Int32(unsafeBitCast(rootValues[row &* stride] < root.condition, to: UInt8.self))
                }
                guard depth > 1 else {
                    for row in 0..<count { margins[row] += leaves[Int(positions[row]) &- 1] }
                    return
                }
                @inline(__always) func step(_ row: Int) -> Int {
                    let position = Int(positions[row])
                    let split = splits[position]
                    let right = 1 &- Int(unsafeBitCast(values[row &* stride &+ Int(split.slot)] < split.condition, to: UInt8.self))
                    return position &* 2 &+ 1 &+ right
                }
                for _ in 2..<depth {
                    for row in 0..<count { positions[row] = Int32(truncatingIfNeeded: step(row)) }
                }
                // The last step lands in the bottom level: add its leaf at once.
                let bottom = (1 << depth) - 1
                for row in 0..<count { margins[row] += leaves[step(row) &- bottom] }
            }
        }
    }
}
