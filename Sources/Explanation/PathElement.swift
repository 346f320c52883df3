/// One feature on the unique path from the root to the current node of TreeSHAP
/// (Lundberg et al. 2018, Algorithm 2), with the permutation weight of the subsets
/// of the path's size that hold `index` ones.
///
/// The arithmetic is float32 in XGBoost's operation order (src/predictor/treeshap.cc,
/// `ExtendPath`, `UnwindPath`, `UnwoundPathSum`), so the values agree with
/// `pred_contribs=True` to the last bits, not merely within a tolerance.
struct PathElement {
    /// The feature split on (-1 for the root's placeholder).
    var feature: Int32
    /// The share of the cover that flows down this path when the feature is unknown.
    var zeroFraction: Float
    /// 1 when the row's own value leads down this path, else 0.
    var oneFraction: Float
    /// The permutation weight (not tied to the element's feature: see above).
    var permutationWeight: Float
}

/// The three path operations of Algorithm 2 on a path stored at `path[0...depth]`.
enum UniquePath {
    /// Appends a feature to `path[0..<depth]`, updating every permutation weight.
    @inline(__always)
    static func extend(_ path: UnsafeMutablePointer<PathElement>, depth: Int, zero: Float, one: Float, feature: Int32) {
        path[depth] = PathElement(feature: feature, zeroFraction: zero, oneFraction: one, permutationWeight: depth == 0 ? 1 : 0)
        let size = Float(depth + 1)
        var i = depth - 1
        while i >= 0 {
            path[i + 1].permutationWeight += one * path[i].permutationWeight * Float(i + 1) / size
            path[i].permutationWeight = zero * path[i].permutationWeight * Float(depth - i) / size
            i -= 1
        }
    }

    /// Removes element `index` from `path[0...depth]` (a feature split on again lower
    /// down is taken out, then put back with both splits' fractions multiplied).
    @inline(__always)
    static func unwind(_ path: UnsafeMutablePointer<PathElement>, depth: Int, index: Int) {
        let one = path[index].oneFraction, zero = path[index].zeroFraction
        let size = Float(depth + 1)
        var nextOnePortion = path[depth].permutationWeight
        var i = depth - 1
        while i >= 0 {
            if one != 0 {
                let kept = path[i].permutationWeight
                path[i].permutationWeight = nextOnePortion * size / (Float(i + 1) * one)
                nextOnePortion = kept - path[i].permutationWeight * zero * Float(depth - i) / size
            } else {
                path[i].permutationWeight = (path[i].permutationWeight * size) / (zero * Float(depth - i))
            }
            i -= 1
        }
        var j = index
        while j < depth {
            path[j].feature = path[j + 1].feature
            path[j].zeroFraction = path[j + 1].zeroFraction
            path[j].oneFraction = path[j + 1].oneFraction
            j += 1
        }
    }

    /// Takes `feature` out of `path[0...depth]` when it is on it (a feature split on
    /// again lower down) and returns its fractions, which the new element multiplies
    /// in; (1, 1) when it is not on the path.
    @inline(__always)
    static func takeOut(_ feature: Int32, from path: UnsafeMutablePointer<PathElement>, depth: inout Int) -> (zero: Float, one: Float) {
        var index = 0
        while index <= depth && path[index].feature != feature { index += 1 }
        guard index <= depth else { return (1, 1) }
        let fractions = (path[index].zeroFraction, path[index].oneFraction)
        unwind(path, depth: depth, index: index)
        depth -= 1
        return fractions
    }

    /// The total permutation weight `path[0...depth]` would have without element
    /// `index`, computed without changing the path.
    @inline(__always)
    static func unwoundSum(_ path: UnsafeMutablePointer<PathElement>, depth: Int, index: Int) -> Float {
        let one = path[index].oneFraction, zero = path[index].zeroFraction
        let size = Float(depth + 1)
        var nextOnePortion = path[depth].permutationWeight
        var total: Float = 0
        var i = depth - 1
        while i >= 0 {
            if one != 0 {
                let portion = nextOnePortion * size / (Float(i + 1) * one)
                total += portion
                // Parenthesised as XGBoost writes it: the depth ratio first.
                nextOnePortion = path[i].permutationWeight - portion * zero * (Float(depth - i) / size)
            } else if zero != 0 {
                total += (path[i].permutationWeight / zero) / (Float(depth - i) / size)
            }
            i -= 1
        }
        return total
    }
}
