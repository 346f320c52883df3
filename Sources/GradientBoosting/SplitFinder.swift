/// Finds the best split of a node from its histogram.
///
/// Each feature is scanned twice, as XGBoost's hist evaluator does: forwards with
/// missing values going right, and, when the node has missing values of that
/// feature, backwards with them going left; the better direction becomes the
/// split's default. A split must give both children a hessian sum of at least
/// `min_child_weight` and reduce the loss by more than 1e-6 and by at least `gamma`.
struct SplitFinder: Sendable {
    /// Weights and gains.
    let rules: Regularization
    /// Least loss reduction of a split.
    let gamma: Double
    /// Value-bin upper bounds per feature.
    let mapper: BinMapper
    /// Categorical features with fewer categories split one category against the rest.
    var maxCatToOnehot = 4
    /// The most categories a partition scan adds to one side.
    var maxCatThreshold = 64

    /// The best split of a node with sums `total` over `features`, or nil when none is worth making.
    func best(total: GradientSum, histogram: Histogram, features: [Int]) -> SplitCandidate? {
        let parentGain = rules.gain(total)
        var best: SplitCandidate?
        for feature in features {
            if mapper.categorical[feature] {
                if let candidate = bestCategorySplit(feature: feature, total: total, parentGain: parentGain, histogram: histogram),
                   candidate.isBetter(than: best) {
                    best = candidate
                }
            } else if let candidate = bestSplit(feature: feature, total: total, parentGain: parentGain, histogram: histogram),
               candidate.isBetter(than: best) {
                best = candidate
            }
        }
        guard let best, Double(best.lossChange) > 1e-6, Double(best.lossChange) >= gamma else { return nil }
        return best
    }

    /// The best split on one feature, in either missing direction.
    private func bestSplit(feature: Int, total: GradientSum, parentGain: Double, histogram: Histogram) -> SplitCandidate? {
        let cuts = mapper.cuts[feature]
        let bins = cuts.count
        guard bins > 0 else { return nil }
        let slots = histogram.feature(feature)
        var best: SplitCandidate?
        func consider(_ left: GradientSum, _ right: GradientSum, splitBin: Int, threshold: Float, defaultLeft: Bool) {
            guard left.h >= rules.minChildWeight, right.h >= rules.minChildWeight else { return }
            // Float32 as XGBoost stores it, saturated: gains of labels near 1e38 exceed
            // float32, and an infinite loss change is a number no model file can hold.
            let change = Float(min(rules.gain(left) + rules.gain(right) - parentGain, Double(Float.greatestFiniteMagnitude)))
            guard best.map({ change > $0.lossChange }) ?? true else { return }
            best = SplitCandidate(
                feature: feature, splitBin: splitBin, threshold: threshold, defaultLeft: defaultLeft,
                lossChange: change, left: left, right: right)
        }
        // Forwards: bins 0...i go left, everything else (missing included) right. A last
        // bound capped at the largest float32 may not exceed the largest value, so it
        // cannot send all values left; the backward scan's first split is its mirror.
        var left = GradientSum()
        let occupied = histogram.occupancy(feature)
        forEachOccupiedBin(occupied, below: bins, ascending: true) { bin in
            // An empty bin leaves both sides as the previous bin did, whose equal gain won
            // first: skipping it changes no split, and most bins of a small node are empty.
            if slots[2 * bin] == 0 && slots[2 * bin + 1] == 0 { return true }
            left.g += slots[2 * bin]
            left.h += slots[2 * bin + 1]
            if bin == bins - 1 && cuts[bin] == .greatestFiniteMagnitude { return false }
            consider(left, total - left, splitBin: bin, threshold: cuts[bin], defaultLeft: false)
            return true
        }
        guard mapper.hasMissing[feature] else { return best }
        let missing = GradientSum(g: slots[2 * Int(BinMapper.missingBin)], h: slots[2 * Int(BinMapper.missingBin) + 1])
        guard missing.h > 0 else { return best }
        // Backwards: bins i... go right, everything else (missing included) left.
        var right = GradientSum()
        forEachOccupiedBin(occupied, below: bins, ascending: false) { bin in
            if slots[2 * bin] == 0 && slots[2 * bin + 1] == 0 { return true }
            right.g += slots[2 * bin]
            right.h += slots[2 * bin + 1]
            let threshold = bin > 0 ? cuts[bin - 1] : mapper.minimums[feature]
            consider(total - right, right, splitBin: bin - 1, threshold: threshold, defaultLeft: true)
            return true
        }
        return best
    }

    /// Calls `body` with each bin below `bins` whose bit `occupied` sets (every other
    /// bin is zero), ascending or descending, until it returns false.
    @inline(__always)
    private func forEachOccupiedBin(_ occupied: UnsafePointer<UInt64>, below bins: Int, ascending: Bool, _ body: (Int) -> Bool) {
        let lastWord = (bins - 1) >> 6
        for step in 0...lastWord {
            let word = ascending ? step : lastWord - step
            var rest = occupied[word]
            // Bits of bins at or beyond `bins` (the missing bin among them) are not scanned.
            if word == lastWord && bins & 63 != 0 { rest &= (UInt64(1) << UInt64(bins & 63)) - 1 }
            while rest != 0 {
                let bit = ascending ? rest.trailingZeroBitCount : 63 - rest.leadingZeroBitCount
                guard body(word * 64 + bit) else { return }
                rest &= ~(UInt64(1) << UInt64(bit))
            }
        }
    }
}
