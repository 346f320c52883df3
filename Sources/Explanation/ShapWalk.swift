/// One row's walk of one tree by TreeSHAP (Lundberg et al. 2018, Algorithm 2, as
/// XGBoost's `TreeShap` runs it for `pred_contribs=True`): every leaf's value is
/// shared among the features on its path, weighted by how the row's values and the
/// training covers lead to it. Reads and writes only through the pointers it holds,
/// so the caller keeps one scratch path per thread and allocates nothing per row.
struct ShapWalk {
    /// The tree's nodes.
    let nodes: UnsafePointer<ShapTree.Node>
    /// The tree's right-going categories.
    let categories: UnsafePointer<Int32>
    /// The row's feature values in float32; NaN (and ±infinity) is missing.
    let row: UnsafePointer<Float>
    /// The tree's contributions by feature, added to.
    let phi: UnsafeMutablePointer<Float>

    /// Walks the subtree of `id`; `parentPath[0...depth]` is the unique path above it
    /// (the node's own path is written right after it, at `parentPath + depth + 1`).
    func walk(_ id: Int, depth startDepth: Int, parentPath: UnsafeMutablePointer<PathElement>,
              zero parentZero: Float, one parentOne: Float, feature parentFeature: Int32) {
        var depth = startDepth
        let path = parentPath + depth + 1
        path.update(from: parentPath, count: depth + 1)
        UniquePath.extend(path, depth: depth, zero: parentZero, one: parentOne, feature: parentFeature)
        let node = nodes[id]
        if node.isLeaf {
            // Element 0 is the root's placeholder; every other element is a feature.
            guard depth >= 1 else { return }
            for i in 1...depth {
                let weight = UniquePath.unwoundSum(path, depth: depth, index: i)
                let element = path[i]
                phi[Int(element.feature)] += weight * (element.oneFraction - element.zeroFraction) * node.condition
            }
            return
        }
        let hot = Int(goesLeft(node) ? node.left : node.right)
        let cold = Int(hot == Int(node.left) ? node.right : node.left)
        let hotZero = nodes[hot].cover / node.cover
        let coldZero = nodes[cold].cover / node.cover
        let (incomingZero, incomingOne) = UniquePath.takeOut(node.feature, from: path, depth: &depth)
        walk(hot, depth: depth + 1, parentPath: path, zero: hotZero * incomingZero, one: incomingOne, feature: node.feature)
        walk(cold, depth: depth + 1, parentPath: path, zero: coldZero * incomingZero, one: 0, feature: node.feature)
    }

    /// Whether the row goes left at split `node`: missing values go the default way;
    /// a category goes right when its code is in the node's set (a value that is no
    /// valid code, negative or 2^24 and above, goes left, as XGBoost's `Decision`);
    /// a number goes left below the threshold. A numeric split is a select rather
    /// than a branch: the row's directions are as good as random.
    @inline(__always)
    func goesLeft(_ node: ShapTree.Node) -> Bool {
        let x = row[Int(node.feature)]
        guard node.categoryStart >= 0 else { return x.isFinite ? x < node.condition : node.defaultLeft }
        guard x.isFinite else { return node.defaultLeft }
        guard x >= 0, x < 16_777_216 else { return true }
        let code = Int32(x)
        var low = Int(node.categoryStart), high = low + Int(node.categoryCount)
        let end = high
        while low < high {
            let middle = (low + high) / 2
            if categories[middle] < code { low = middle + 1 } else { high = middle }
        }
        return !(low < end && categories[low] == code)
    }
}
