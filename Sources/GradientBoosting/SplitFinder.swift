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

    /// The most bins one feature's scan visits: a histogram's bins per feature.
    static let maxBins = Histogram.stride / 2

    /// The best split of a node with sums `total` over `features`, or nil when none is worth making.
    func best(total: GradientSum, histogram: Histogram, features: [Int]) -> SplitCandidate? {
        guard mayHaveSplit(total) else { return nil }
        return withScan { scan in
            var search = NodeSearch(total: total, parentGain: rules.gain(total))
            for feature in features { consider(feature, histogram: histogram, in: &search, scan: scan) }
            return result(of: search)
        }
    }

    /// One node's search for its best split, one feature at a time.
    struct NodeSearch {
        /// The node's sums.
        let total: GradientSum
        /// The gain of leaving the node whole.
        let parentGain: Double
        /// The best split of the features so far.
        var best: SplitCandidate?
    }

    /// Calls `body` with one scratch area for every feature's scan: sums, bins and loss
    /// changes of up to `maxBins` splits, and the padding of the last group of four.
    func withScan<R>(_ body: (Scan) -> R) -> R {
        let capacity = Self.maxBins + Scan.padding
        return withUnsafeTemporaryAllocation(byteCount: capacity * (2 * 8 + 4 + 4), alignment: 16) { raw in
            let base = raw.baseAddress!
            let sums = base.bindMemory(to: Double.self, capacity: 2 * capacity)
            return body(Scan(
                g: sums, h: sums + capacity, bins: (base + 16 * capacity).bindMemory(to: Int32.self, capacity: capacity),
                changes: (base + 20 * capacity).bindMemory(to: Float.self, capacity: capacity)))
        }
    }

    /// Scans `feature` of `histogram` and keeps its best split in `search` if it beats the one kept.
    @inline(__always)
    func consider(_ feature: Int, histogram: Histogram, in search: inout NodeSearch, scan: Scan) {
        if mapper.categorical[feature] {
            if let candidate = bestCategorySplit(feature: feature, total: search.total, parentGain: search.parentGain, histogram: histogram),
               candidate.isBetter(than: search.best) {
                search.best = candidate
            }
        } else if let candidate = bestSplit(feature: feature, total: search.total, parentGain: search.parentGain, histogram: histogram, scan: scan),
           candidate.isBetter(than: search.best) {
            search.best = candidate
        }
    }

    /// The split `search` found, or nil when it is not worth making.
    func result(of search: NodeSearch) -> SplitCandidate? {
        guard let best = search.best, Double(best.lossChange) > 1e-6, Double(best.lossChange) >= gamma else { return nil }
        return best
    }

    /// Whether a node with sums `total` may have a split that leaves both children a
    /// hessian sum of at least `min_child_weight`. A split's right sum is the total
    /// minus its left one, rounded once; so when the total is short of twice the
    /// weight by more than that rounding, no split passes and the node needs no scan
    /// (nor a histogram).
    func mayHaveSplit(_ total: GradientSum) -> Bool {
        !(total.h < 2 * rules.minChildWeight * (1 - 1e-12))
    }

    /// The best split on one feature, in either missing direction, using `scan` for scratch.
    ///
    /// Each direction runs in three passes over the occupied bins: the running sums,
    /// then every split's loss change in a loop without branches (so the divisions of
    /// many bins overlap), then the first largest change. The arithmetic and the
    /// choice are those of scanning one bin at a time.
    private func bestSplit(feature: Int, total: GradientSum, parentGain: Double, histogram: Histogram, scan: Scan) -> SplitCandidate? {
        let cuts = mapper.cuts[feature]
        let bins = cuts.count
        guard bins > 0 else { return nil }
        let slots = histogram.feature(feature)
        let occupied = histogram.occupancy(feature)
        var best: SplitCandidate?
        // Forwards: bins 0...i go left, everything else (missing included) right.
        // A last bound capped at the largest float32 may not exceed the largest
        // value, so it cannot send all values left: that bin ends no split (the
        // backward scan's first split is its mirror).
        let forwardBins = cuts[bins - 1] == .greatestFiniteMagnitude ? bins - 1 : bins
        if let k = scanDirection(ascending: true, below: forwardBins, slots: slots, occupied: occupied, total: total,
                                 parentGain: parentGain, scan: scan, above: nil) {
            let bin = Int(scan.bins[k]), sum = GradientSum(g: scan.g[k], h: scan.h[k])
            best = SplitCandidate(feature: feature, splitBin: bin, threshold: cuts[bin], defaultLeft: false,
                                  lossChange: scan.changes[k], left: sum, right: total - sum)
        }
        guard mapper.hasMissing[feature] else { return best }
        let missing = GradientSum(g: slots[2 * Int(BinMapper.missingBin)], h: slots[2 * Int(BinMapper.missingBin) + 1])
        guard missing.h > 0 else { return best }
        // Backwards: bins i... go right, everything else (missing included) left.
        if let k = scanDirection(ascending: false, below: bins, slots: slots, occupied: occupied, total: total,
                                 parentGain: parentGain, scan: scan, above: best?.lossChange) {
            let bin = Int(scan.bins[k]), sum = GradientSum(g: scan.g[k], h: scan.h[k])
            best = SplitCandidate(feature: feature, splitBin: bin - 1, threshold: bin > 0 ? cuts[bin - 1] : mapper.minimums[feature],
                                  defaultLeft: true, lossChange: scan.changes[k], left: total - sum, right: sum)
        }
        return best
    }

    /// One direction of a feature's scan: the running sums of the non-empty occupied bins
    /// below `limit` (ascending: the left side's; descending: the right side's) go into
    /// `scan`, every split is scored, and the answer is the scan index of the first
    /// largest loss change above `floor`, or nil when no split beats it. An empty bin
    /// leaves both sides as the previous bin did, whose equal gain won first: skipping
    /// it changes no split.
    @inline(__always)
    private func scanDirection(ascending: Bool, below limit: Int, slots: UnsafeMutablePointer<Double>, occupied: UnsafeMutablePointer<UInt64>,
                               total: GradientSum, parentGain: Double, scan: Scan, above floor: Float?) -> Int? {
        var count = 0
        var sum = GradientSum()
        forEachOccupiedBin(occupied, below: limit, ascending: ascending) { bin in
            if slots[2 * bin] == 0 && slots[2 * bin + 1] == 0 { return }
            sum.g += slots[2 * bin]
            sum.h += slots[2 * bin + 1]
            scan.append(sum, bin: bin, at: count)
            count += 1
        }
        scan.pad(count)
        let allowed = scan.allowedRange(count: count, total: total, minChildWeight: rules.minChildWeight, accumulatedIsLeft: ascending)
        scoreChanges(scan, allowed, total: total, parentGain: parentGain, accumulatedIsLeft: ascending)
        return scan.firstLargest(allowed, above: floor)
    }

    /// Writes the loss change of each split of `range` into `scan.changes`: float32
    /// as XGBoost stores it, saturated (gains of labels near 1e38 exceed float32, and
    /// an infinite loss change is a number no model file can hold), or -infinity where
    /// a child's hessian sum is below `min_child_weight`. `scan` holds the running
    /// sums of the left side when `accumulatedIsLeft`, else of the right.
    ///
    /// Four splits at a time, lane by lane the same operations as `Regularization.gain`
    /// and one split at a time; the last group runs past `range` into the scan's
    /// padding (see `Scan.pad`), whose changes nobody reads.
    @inline(__always)
    private func scoreChanges(_ scan: Scan, _ range: Range<Int>, total: GradientSum, parentGain: Double, accumulatedIsLeft: Bool) {
        let lambda = SIMD4<Double>(repeating: rules.lambda), alpha = SIMD4<Double>(repeating: rules.alpha)
        let least = SIMD4<Double>(repeating: rules.minChildWeight)
        let ceiling = SIMD4<Double>(repeating: Double(Float.greatestFiniteMagnitude))
        let totalG = SIMD4<Double>(repeating: total.g), totalH = SIMD4<Double>(repeating: total.h)
        let parent = SIMD4<Double>(repeating: parentGain)
        var k = range.lowerBound
        while k < range.upperBound {
            let ag = UnsafeRawPointer(scan.g + k).loadUnaligned(as: SIMD4<Double>.self)
            let ah = UnsafeRawPointer(scan.h + k).loadUnaligned(as: SIMD4<Double>.self)
            let og = totalG - ag, oh = totalH - ah
            let (lg, lh, rg, rh) = accumulatedIsLeft ? (ag, ah, og, oh) : (og, oh, ag, ah)
            var change = Self.gains(lg, lh, lambda: lambda, alpha: alpha, least: least)
                + Self.gains(rg, rh, lambda: lambda, alpha: alpha, least: least) - parent
            change.replace(with: ceiling, where: ceiling .< change)
            change.replace(with: -.infinity, where: .!((lh .>= least) .& (rh .>= least)))
            UnsafeMutableRawPointer(scan.changes + k).storeBytes(of: SIMD4<Float>(change), as: SIMD4<Float>.self)
            k += 4
        }
    }

    /// `Regularization.gain` of four sums at once.
    @inline(__always)
    private static func gains(
        _ g: SIMD4<Double>, _ h: SIMD4<Double>, lambda: SIMD4<Double>, alpha: SIMD4<Double>, least: SIMD4<Double>
    ) -> SIMD4<Double> {
        let zero = SIMD4<Double>(repeating: 0)
        var t = zero
        t.replace(with: g - alpha, where: g .> alpha)
        t.replace(with: g + alpha, where: g .< -alpha)
        let score = t * t / (h + lambda)
        return zero.replacing(with: score, where: (h .>= least) .& (h .> zero))
    }

    /// One direction's candidate splits, in scan order: the running sums, the bin each
    /// split ends at, and their loss changes (scratch memory of `withScan`).
    struct Scan {
        let g: UnsafeMutablePointer<Double>
        let h: UnsafeMutablePointer<Double>
        let bins: UnsafeMutablePointer<Int32>
        let changes: UnsafeMutablePointer<Float>

        @inline(__always)
        func append(_ sum: GradientSum, bin: Int, at index: Int) {
            g[index] = sum.g
            h[index] = sum.h
            bins[index] = Int32(bin)
        }

        /// Splits past the last one that `scoreChanges` scores in its last group of four.
        static let padding = 3

        /// Zeroes the sums of the `padding` splits after the first `count`, so that the
        /// last group of four reads numbers (whose changes nobody reads).
        @inline(__always)
        func pad(_ count: Int) {
            for k in count..<(count + Self.padding) {
                g[k] = 0
                h[k] = 0
            }
        }

        /// The splits from the first to the last whose children both have a hessian sum
        /// of at least `minChildWeight` (the test `scoreChanges` makes): the others get
        /// no loss change, so no division is spent on them. Small nodes have many: with
        /// `min_child_weight` 5, the first and last few splits of every feature.
        @inline(__always)
        func allowedRange(count: Int, total: GradientSum, minChildWeight: Double, accumulatedIsLeft: Bool) -> Range<Int> {
            func allowed(_ k: Int) -> Bool {
                let accumulated = h[k], other = total.h - h[k]
                let (left, right) = accumulatedIsLeft ? (accumulated, other) : (other, accumulated)
                return left >= minChildWeight && right >= minChildWeight
            }
            var low = 0, high = count
            while low < high && !allowed(low) { low += 1 }
            while high > low && !allowed(high - 1) { high -= 1 }
            return low..<high
        }

        /// The candidate of `range` a one-at-a-time scan keeps: the first allowed one
        /// when nothing came before (`above` nil), then each one whose change beats the
        /// kept one's; nil when none is kept. A disallowed change (-infinity) beats
        /// nothing, so after the first pick the loop only compares, which compiles to
        /// selects. `range` must hold every allowed split.
        @inline(__always)
        func firstLargest(_ range: Range<Int>, above: Float?) -> Int? {
            var k = range.lowerBound
            let count = range.upperBound
            var kept = -1
            var keptChange: Float
            if let above {
                keptChange = above
            } else {
                while k < count && changes[k] == -.infinity { k += 1 }
                guard k < count else { return nil }
                kept = k
                keptChange = changes[k]
                k += 1
            }
            while k < count {
                let change = changes[k]
                let better = change > keptChange
                kept = better ? k : kept
                keptChange = better ? change : keptChange
                k += 1
            }
            return kept < 0 ? nil : kept
        }
    }

    /// Calls `body` with each bin below `bins` whose bit `occupied` sets (every other
    /// bin is zero), ascending or descending.
    @inline(__always)
    private func forEachOccupiedBin(_ occupied: UnsafePointer<UInt64>, below bins: Int, ascending: Bool, _ body: (Int) -> Void) {
        guard bins > 0 else { return }
        let lastWord = (bins - 1) >> 6
        for step in 0...lastWord {
            let word = ascending ? step : lastWord - step
            var rest = occupied[word]
            // Bits of bins at or beyond `bins` (the missing bin among them) are not scanned.
            if word == lastWord && bins & 63 != 0 { rest &= (UInt64(1) << UInt64(bins & 63)) - 1 }
            while rest != 0 {
                let bit = ascending ? rest.trailingZeroBitCount : 63 - rest.leadingZeroBitCount
                body(word * 64 + bit)
                rest &= ~(UInt64(1) << UInt64(bit))
            }
        }
    }
}
