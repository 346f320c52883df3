/// One tree's TreeSHAP contributions computed ahead of the rows (the idea of Yang's
/// Fast TreeSHAP v2, 2021): what the walk adds at a leaf depends on the row only
/// through which splits on the leaf's path the row follows; the zero-fractions come
/// from the covers alone. So for every leaf and every pattern of followed splits, the
/// contributions are computed once. A row then costs one pass over the splits that
/// gives every node the pattern of its path as a bit mask (bit `d` set when the row
/// follows the split at depth `d`), with no branch on the row's directions, plus one
/// table row per leaf: O(nodes + leaves × depth) per row instead of the walk's
/// O(leaves × depth²) with a path copy per node and a mispredicted branch per split.
///
/// Each table row replays the walk's own float32 operations in its order (extensions,
/// unwinds of a feature split on again, unwound sums), so every leaf's contribution is
/// the walk's bit for bit; only the order in which leaves add up differs (always left
/// first, where the walk takes the row's branch first), a float32 rounding apart. A
/// leaf at depth `d` has a table of 2^d rows of the tree's widest path: that suits
/// shallow trees, and `TreeExplainer` walks the others.
struct LeafTables: Sendable {
    /// The splits, each after the split above it: the order the masks are filled in.
    let splits: [Int32]
    /// Per node: its depth (the root is 0), the bit its split sets on the branch the row follows.
    let depths: [Int32]
    /// The leaves, left first.
    let leaves: [Int32]
    /// Table row width: the most distinct features on one leaf's path.
    let width: Int
    /// Per leaf (in `leaves`' order), `width` features: its path's, in the walk's
    /// order at the leaf, then `padding` for the rest of the row.
    let features: [Int32]
    /// Per leaf, where its table starts in `values`.
    let tableStarts: [Int]
    /// The leaves' tables: row `m` of a leaf holds the contributions of its path's
    /// features when the row follows exactly the splits whose depths `m` sets (0 in
    /// the padding).
    let values: [Float]

    /// Floats a tree's tables would take, the arithmetic to fill them, and the
    /// arithmetic of walking one row through the tree without them (a path copy,
    /// extension and unwound sums per leaf), estimated without building anything:
    /// what `TreeExplainer` weighs to choose.
    static func cost(of tree: ShapTree) -> (entries: Int, building: Int, walkingOneRow: Int) {
        var entries = 0, building = 0, walking = 0
        var stack: [(id: Int, depth: Int)] = [(0, 0)]
        while let (id, depth) = stack.popLast() {
            let node = tree.nodes[id]
            guard node.isLeaf else {
                stack.append((Int(node.left), depth + 1))
                stack.append((Int(node.right), depth + 1))
                continue
            }
            // Beyond 24 levels the table is out of the question; keep the sums finite.
            let rows = Int(1) << min(depth, 24)
            entries &+= rows &* tree.depth
            building &+= rows &* 3 &* depth &* depth
            walking &+= 4 &* (depth + 1) &* (depth + 1)
        }
        return (entries, building, walking)
    }

    /// The tables of `tree`; `padding` is the feature index the padding adds its zeros to.
    init(_ tree: ShapTree, padding: Int32) {
        let nodes = tree.nodes
        var splits: [Int32] = [], leaves: [Int32] = []
        var depths = [Int32](repeating: 0, count: nodes.count)
        var routes: [[Int]] = []
        // Depth-first, left first, keeping the nodes from the root down to each node.
        var stack: [(id: Int, above: [Int])] = [(0, [])]
        while let (id, above) = stack.popLast() {
            let node = nodes[id]
            depths[id] = Int32(above.count)
            if node.isLeaf {
                leaves.append(Int32(id))
                routes.append(above + [id])
            } else {
                splits.append(Int32(id))
                stack.append((Int(node.right), above + [id]))
                stack.append((Int(node.left), above + [id]))
            }
        }
        var path = [PathElement](repeating: PathElement(feature: -1, zeroFraction: 0, oneFraction: 0, permutationWeight: 0),
                                 count: tree.depth + 2)
        var rows: [[(features: [Int32], values: [Float])]] = []
        path.withUnsafeMutableBufferPointer { buffer in
            let path = buffer.baseAddress!
            for route in routes {
                let leafValue = nodes[route[route.count - 1]].condition
                rows.append((0..<(1 << (route.count - 1))).map { mask in
                    let depth = Self.replay(route, followed: mask, nodes: nodes, path: path)
                    let features = (0..<depth).map { path[$0 + 1].feature }
                    let values = (0..<depth).map { i in
                        let element = path[i + 1]
                        let weight = UniquePath.unwoundSum(path, depth: depth, index: i + 1)
                        return weight * (element.oneFraction - element.zeroFraction) * leafValue
                    }
                    return (features, values)
                })
            }
        }
        let width = rows.lazy.map { $0[0].features.count }.max() ?? 0
        var features: [Int32] = [], tableStarts: [Int] = [], values: [Float] = []
        for leafRows in rows {
            let count = leafRows[0].features.count
            features += leafRows[0].features + Array(repeating: padding, count: width - count)
            tableStarts.append(values.count)
            for row in leafRows { values += row.values + Array(repeating: 0, count: width - count) }
        }
        self.splits = splits
        self.depths = depths
        self.leaves = leaves
        self.width = width
        // One unused element each, so the arrays always have storage to point at.
        self.features = features + [padding]
        self.tableStarts = tableStarts
        self.values = values + [0]
    }

    /// Runs the walk's path operations down `route` (root to leaf) for a row that
    /// follows the splits at the depths `followed` sets, leaving the leaf's unique path
    /// in `path`; returns its last index. The features' order on the path does not
    /// depend on `followed`, only the fractions do.
    private static func replay(_ route: [Int], followed: Int, nodes: [ShapTree.Node],
                               path: UnsafeMutablePointer<PathElement>) -> Int {
        var depth = 0
        UniquePath.extend(path, depth: 0, zero: 1, one: 1, feature: -1)
        for level in 0..<(route.count - 1) {
            let node = nodes[route[level]]
            let zero = nodes[route[level + 1]].cover / node.cover
            let (incomingZero, incomingOne) = UniquePath.takeOut(node.feature, from: path, depth: &depth)
            depth += 1
            let one: Float = followed >> level & 1 == 1 ? incomingOne : 0
            UniquePath.extend(path, depth: depth, zero: zero * incomingZero, one: one, feature: node.feature)
        }
        return depth
    }
}
