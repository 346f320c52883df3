extension SplitFinder {
    /// The best split of a categorical feature, as XGBoost's hist evaluator finds it
    /// (`EnumerateOneHot`, `EnumeratePart` in src/tree/hist/evaluate_splits.h).
    ///
    /// With fewer categories than `max_cat_to_onehot`, each category alone goes right,
    /// with missing values on either side. Otherwise the categories are sorted by
    /// their leaf weight and each prefix of at most `max_cat_threshold` of them is
    /// tried both ways: scanning forwards, the prefix goes right and missing values
    /// left; scanning backwards, the suffix goes left and missing values right.
    /// Bins are the categories themselves (see `BinMapper.categorical`).
    func bestCategorySplit(feature: Int, total: GradientSum, parentGain: Double, histogram: Histogram) -> SplitCandidate? {
        let bins = mapper.cuts[feature].count
        guard bins > 0 else { return nil }
        let slots = histogram.feature(feature)
        func stats(_ bin: Int) -> GradientSum { GradientSum(g: slots[2 * bin], h: slots[2 * bin + 1]) }
        var best: SplitCandidate?
        func consider(_ left: GradientSum, _ right: GradientSum, defaultLeft: Bool, threshold: Float, categories: () -> CategoryBits) {
            guard left.h >= rules.minChildWeight, right.h >= rules.minChildWeight else { return }
            let change = Float(min(rules.gain(left) + rules.gain(right) - parentGain, Double(Float.greatestFiniteMagnitude)))
            guard best.map({ change > $0.lossChange }) ?? true else { return }
            best = SplitCandidate(
                feature: feature, splitBin: -1, threshold: threshold, defaultLeft: defaultLeft,
                lossChange: change, left: left, right: right, rightCategories: categories())
        }
        var present = GradientSum()
        for bin in 0..<bins { present = present + stats(bin) }
        // Missing values are what the feature's bins do not hold, as XGBoost takes them.
        let missing = total - present
        if bins < maxCatToOnehot {
            for bin in 0..<bins {
                let chosen = { var set = CategoryBits(); set.insert(bin); return set }
                var right = stats(bin)
                consider(total - right, right, defaultLeft: true, threshold: Float(bin), categories: chosen)
                right = right + missing
                consider(total - right, right, defaultLeft: false, threshold: Float(bin), categories: chosen)
            }
            return best
        }
        let weights = (0..<bins).map { Float(rules.weight(stats($0))) }
        // A stable sort: categories of equal weight keep their code order.
        let sorted = (0..<bins).sorted { weights[$0] < weights[$1] || (weights[$0] == weights[$1] && $0 < $1) }
        let scanned = min(maxCatThreshold, bins)
        func prefix(_ count: Int) -> () -> CategoryBits {
            { var set = CategoryBits(); for bin in sorted.prefix(count) { set.insert(bin) }; return set }
        }
        var right = GradientSum()
        for position in 0..<(scanned - 1) {
            right = right + stats(sorted[position])
            consider(total - right, right, defaultLeft: true, threshold: 0, categories: prefix(position + 1))
        }
        var left = GradientSum()
        for position in stride(from: bins - 1, to: bins - scanned, by: -1) {
            left = left + stats(sorted[position])
            consider(left, total - left, defaultLeft: false, threshold: 0, categories: prefix(position))
        }
        return best
    }
}
