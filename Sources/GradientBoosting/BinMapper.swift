import Basics

/// Maps feature values to one-byte bins by quantiles, as XGBoost's hist method does.
///
/// Feature `f` has `cuts[f].count` value bins: bin `i` holds the values `x` with
/// `cuts[f][i - 1] <= x < cuts[f][i]`, compared in float32. A split after bin `i`
/// therefore sends `x < cuts[f][i]` left, which is exactly XGBoost's test at
/// prediction time, so a model predicts the same on raw values as it trained on
/// bins. Missing values get their own bin, `missingBin`: NaN, and every value that
/// is not a finite float32 (±infinity, and magnitudes beyond 3.4e38, which float32
/// holds as infinity). No bound can lie beyond infinity, so such values could not
/// be binned as values without a split condition that no model file can hold.
package struct BinMapper: Sendable, Equatable {
    /// The byte that marks a missing value in every feature.
    package static let missingBin: UInt8 = 255
    /// The most value bins a feature with missing values can have (one byte value marks missing).
    package static let maxValueBinsWithMissing = 255
    /// Rows used to find the quantiles; larger inputs are sampled (with a fixed seed).
    static let sampleRows = 1 << 18

    /// Upper bounds of the value bins, per feature, strictly increasing.
    package let cuts: [[Float]]
    /// The least value seen per feature (the threshold of a "only missing values go left" split).
    package let minimums: [Float]
    /// Whether each feature had missing values in the data it was fitted on (then byte 255 marks them).
    package let hasMissing: [Bool]
    /// Which features hold category codes: their bin is the code itself (cuts `1, 2, …, k`).
    package let categorical: [Bool]

    /// A mapper from known cuts (read from a model file); `categorical` empty: all numeric.
    package init(cuts: [[Float]], minimums: [Float], hasMissing: [Bool], categorical: [Bool] = []) {
        precondition(cuts.count == minimums.count && cuts.count == hasMissing.count, "one entry per feature")
        self.cuts = cuts
        self.minimums = minimums
        self.hasMissing = hasMissing
        self.categorical = categorical.count == cuts.count ? categorical : [Bool](repeating: false, count: cuts.count)
    }

    /// Finds up to `maxBin` value bins per feature from `columns` (see `isMissing`).
    /// A categorical feature (`types`) gets one bin per code up to its largest, whatever
    /// `maxBin` says, as XGBoost's cuts hold every category; its codes must lie in
    /// `0..<FeatureType.maxCategories` (see `TrainingSet.checkCategories`).
    package init(fitting columns: [[Double]], maxBin: Int, threads: Int, types: [FeatureType] = []) {
        let rowCount = columns.first?.count ?? 0
        let sample = Self.sampleIndices(rowCount: rowCount)
        let categorical = columns.indices.map { types.indices.contains($0) && types[$0] == .categorical }
        let fitted = Parallel.map(columns.count, threads: threads) { feature in
            let hasMissing = columns[feature].contains(where: Self.isMissing)
            if categorical[feature] { return (Self.fitCategories(columns[feature]), hasMissing) }
            let bins = hasMissing ? min(maxBin, Self.maxValueBinsWithMissing) : maxBin
            return (Self.fit(columns[feature], sample: sample, bins: bins), hasMissing)
        }
        cuts = fitted.map(\.0.cuts)
        minimums = fitted.map(\.0.minimum)
        hasMissing = fitted.map(\.1)
        self.categorical = categorical
    }

    /// Cuts `1, 2, …, largest code + 1`, so that code `c` falls in bin `c`.
    private static func fitCategories(_ column: [Double]) -> (cuts: [Float], minimum: Float) {
        var largest = -1
        for value in column where !isMissing(value) && value >= 0 {
            // Clamped as a Double first: a finite float32 may still be far beyond Int.
            largest = max(largest, Int(min(value, Double(FeatureType.maxCategories - 1))))
        }
        return ((0..<(largest + 1)).map { Float($0 + 1) }, 0)
    }

    /// The number of features.
    package var featureCount: Int { cuts.count }

    /// Whether a feature value counts as missing: NaN, or not a finite float32.
    @inline(__always)
    package static func isMissing(_ value: Double) -> Bool { !Float(value).isFinite }

    /// The bin of `value` in `feature`.
    @inline(__always)
    package func bin(_ value: Double, feature: Int) -> UInt8 {
        let value = Float(value)
        if !value.isFinite { return hasMissing[feature] ? Self.missingBin : 0 }
        return cuts[feature].withUnsafeBufferPointer { Self.bin(value, in: $0) }
    }

    /// The first bin whose upper bound exceeds `value` (values beyond the last cut go
    /// to the last bin).
    @inline(__always)
    static func bin(_ value: Float, in cuts: UnsafeBufferPointer<Float>) -> UInt8 {
        var index = 0
        while index < cuts.count - 1 && cuts[index] <= value { index += 1 }
        return UInt8(truncatingIfNeeded: index)
    }

    /// The cuts of each feature in groups of eight, padded with infinity, for `vectorBin`.
    func vectorCuts() -> [[SIMD8<Float>]] {
        cuts.map { cuts in
            stride(from: 0, to: cuts.count, by: 8).map { start in
                var group = SIMD8<Float>(repeating: .infinity)
                for lane in 0..<min(8, cuts.count - start) { group[lane] = cuts[start + lane] }
                return group
            }
        }
    }

    /// The bin of a value (not NaN) as the number of cuts at most the value, counted
    /// eight at a time: no branch depends on the data, where a binary search would
    /// mispredict about every other step. `count` is the feature's number of cuts.
    @inline(__always)
    static func vectorBin(_ value: Float, in groups: UnsafeBufferPointer<SIMD8<Float>>, count: Int) -> UInt8 {
        let broadcast = SIMD8<Float>(repeating: value)
        var below = SIMD8<Int32>(repeating: 0)
        for group in groups {
            // A true lane is all ones (-1) when converted to integers.
            below &+= unsafeBitCast(group .<= broadcast, to: SIMD8<Int32>.self)
        }
        let bin = -Int(below.wrappedSum())
        return UInt8(truncatingIfNeeded: min(bin, count &- 1))
    }

    /// Every row when there are few, else a fixed-seed sample of `sampleRows` rows in order.
    private static func sampleIndices(rowCount: Int) -> [Int]? {
        guard rowCount > sampleRows else { return nil }
        var generator = SeededGenerator(seed: 0x5EED_B175)
        var chosen = [Bool](repeating: false, count: rowCount)
        var picked = 0
        // Floyd's algorithm: exactly `sampleRows` distinct rows.
        for upper in (rowCount - sampleRows)..<rowCount {
            let candidate = generator.nextIndex(below: upper + 1)
            if chosen[candidate] { chosen[upper] = true } else { chosen[candidate] = true }
            picked += 1
        }
        return chosen.indices.filter { chosen[$0] }
    }

    /// Cuts at quantiles, chosen as XGBoost chooses them from an exact weighted
    /// quantile summary (WQSummary::SetPrune to `bins + 1` entries, then every entry
    /// after the first but the last): each distinct value has rank bounds
    /// `rmin` (rows below it) and `rmax` (rows up to it), and the k-th kept entry is
    /// the one nearest to rank `k * range / bins`. Same arithmetic in float32, so the
    /// bins (and hence the splits) match XGBoost's on the same data.
    private static func quantileCuts(_ distinct: [Float], _ counts: [Int], bins: Int) -> [Float] {
        var rmin = [Float](), rmax = [Float](), weight = [Float]()
        var below: Float = 0
        for count in counts {
            rmin.append(below)
            weight.append(Float(count))
            below += Float(count)
            rmax.append(below)
        }
        let size = distinct.count, n = bins
        let begin = rmax[0], range = rmin[size - 1] - rmax[0]
        var kept = [0]
        var i = 1, last = 0
        for k in 1..<n {
            let dx2 = 2 * ((Float(k) * range) / Float(n) + begin)
            while i < size - 1 && dx2 >= rmax[i + 1] + rmin[i + 1] { i += 1 }
            if i == size - 1 { break }
            if dx2 < (rmin[i] + weight[i]) + (rmax[i + 1] - weight[i + 1]) {
                if i != last { kept.append(i); last = i }
            } else if i + 1 != last {
                kept.append(i + 1)
                last = i + 1
            }
        }
        if last != size - 1 { kept.append(size - 1) }
        // XGBoost's AddCutPoint: entries 1..<min(size, bins), strictly increasing.
        var cuts: [Float] = []
        for index in kept.prefix(min(kept.count, bins)).dropFirst() where cuts.last.map({ distinct[index] > $0 }) ?? true {
            cuts.append(distinct[index])
        }
        return cuts
    }

    /// The cuts of one feature: every distinct value when there are few, else quantiles.
    private static func fit(_ column: [Double], sample: [Int]?, bins: Int) -> (cuts: [Float], minimum: Float) {
        var values: [Float] = []
        if let sample {
            values.reserveCapacity(sample.count)
            for row in sample where !isMissing(column[row]) { values.append(Float(column[row])) }
        } else {
            values.reserveCapacity(column.count)
            for value in column where !isMissing(value) { values.append(Float(value)) }
        }
        guard !values.isEmpty else { return ([], 0) }
        RadixSort.sort(&values)
        var distinct: [Float] = [values[0]]
        var counts: [Int] = [1]
        for value in values.dropFirst() {
            if value == distinct[distinct.count - 1] { counts[counts.count - 1] += 1 } else { distinct.append(value); counts.append(1) }
        }
        let minimum = distinct[0], maximum = distinct[distinct.count - 1]
        var cuts: [Float] = []
        if distinct.count <= bins {
            // Each distinct value gets its own bin: the cut is the next value up.
            cuts = Array(distinct.dropFirst())
        } else {
            cuts = quantileCuts(distinct, counts, bins: bins)
        }
        // The last bin's upper bound lies well above the largest value, as XGBoost's does.
        // Capped so that it stays a finite number that JSON can hold; a capped bound may
        // not lie above the largest value, so `SplitFinder` never splits at it.
        cuts.append(min(maximum + (abs(maximum) + 1e-5), .greatestFiniteMagnitude))
        return (cuts, minimum)
    }
}
