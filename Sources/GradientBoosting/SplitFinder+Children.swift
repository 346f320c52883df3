extension SplitFinder {
    /// One child of a split, as `bestOfChildren` scans it.
    struct Child {
        /// The child's sums.
        var total: GradientSum
        /// The features its split may use: a sorted subset of the tree's.
        var features: [Int]
        /// Its histogram: the smaller child's, or (for the larger) the parent's, which
        /// becomes the larger child's as it is scanned.
        var histogram: Histogram
    }

    /// The best splits of a split's two children, as `best` finds them, while the
    /// parent's histogram becomes the larger child's (`Histogram.subtract` with the
    /// smaller's) one feature at a time: each feature of both children is scanned
    /// right after its subtraction, while its bins are still in the first-level cache.
    func bestOfChildren(
        _ left: Child, _ right: Child, parent: Histogram, smaller: Histogram, features: [Int]
    ) -> (left: SplitCandidate?, right: SplitCandidate?) {
        let (scansLeft, scansRight) = (mayHaveSplit(left.total), mayHaveSplit(right.total))
        return withScan { scan in
            var leftSearch = NodeSearch(total: left.total, parentGain: rules.gain(left.total))
            var rightSearch = NodeSearch(total: right.total, parentGain: rules.gain(right.total))
            // The next of each child's features, walked beside the tree's.
            var (nextLeft, nextRight) = (0, 0)
            for feature in features {
                parent.subtract(smaller, feature: feature)
                if nextLeft < left.features.count && left.features[nextLeft] == feature {
                    nextLeft += 1
                    if scansLeft { consider(feature, histogram: left.histogram, in: &leftSearch, scan: scan) }
                }
                if nextRight < right.features.count && right.features[nextRight] == feature {
                    nextRight += 1
                    if scansRight { consider(feature, histogram: right.histogram, in: &rightSearch, scan: scan) }
                }
            }
            return (scansLeft ? result(of: leftSearch) : nil, scansRight ? result(of: rightSearch) : nil)
        }
    }
}
