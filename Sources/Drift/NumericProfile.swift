/// What a reference profile keeps of one numeric column: counts, moments, the decile
/// bins with their exact reference counts, and the distribution as a `CumulativeSketch`.
///
/// The bins are stored as they were fitted on the full column, so PSI and
/// Jensen–Shannon against a profile equal those against the raw column; KS and
/// Wasserstein are exact when the sketch is, and within the sketch's bound otherwise.
package struct NumericProfile: Sendable, Equatable {
    /// Non-missing values in the column.
    package var count: Int { sketch.count }
    /// Missing values (NaN) in the column.
    package let missingCount: Int
    /// The mean of the non-missing values (NaN when there are none).
    package let mean: Double
    /// The population standard deviation (ddof = 0, NaN when there are no values).
    package let standardDeviation: Double
    /// The smallest non-missing value (NaN when there are none).
    package let minimum: Double
    /// The largest non-missing value (NaN when there are none).
    package let maximum: Double
    /// The decile bins and the reference's counts in them (nil when there are no values).
    package let bins: QuantileBins?
    /// The distribution function.
    package let sketch: CumulativeSketch

    /// Profiles `sample` with at most `knotLimit` knots. Infinite values are stored as
    /// ±1.7976931348623157e308 (JSON has no infinity); their order is kept.
    package init(_ given: NumericSample, knotLimit: Int) {
        let sample = Self.clampingInfinities(given)
        missingCount = sample.missingCount
        // A moment that overflows (values near ±1e308) is stored as unknown, as JSON reads it back.
        mean = sample.mean.flatMap { $0.isFinite ? $0 : nil } ?? .nan
        standardDeviation = sample.standardDeviation.flatMap { $0.isFinite ? $0 : nil } ?? .nan
        minimum = sample.sortedValues.first ?? .nan
        maximum = sample.sortedValues.last ?? .nan
        bins = QuantileBins(reference: sample)
        sketch = CumulativeSketch(sample, knotLimit: knotLimit)
    }

    private static func clampingInfinities(_ sample: NumericSample) -> NumericSample {
        let values = sample.sortedValues
        guard values.first?.isInfinite == true || values.last?.isInfinite == true else { return sample }
        let clamped = values.map { min(max($0, -Double.greatestFiniteMagnitude), Double.greatestFiniteMagnitude) }
        return NumericSample(sortedValues: clamped, missingCount: sample.missingCount)
    }

    /// A profile from its stored parts.
    package init(
        missingCount: Int, mean: Double, standardDeviation: Double, minimum: Double, maximum: Double,
        bins: QuantileBins?, sketch: CumulativeSketch
    ) {
        self.missingCount = missingCount
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.minimum = minimum
        self.maximum = maximum
        self.bins = bins
        self.sketch = sketch
    }

    /// Equal parts; NaN moments (an empty column) count as equal.
    package static func == (lhs: NumericProfile, rhs: NumericProfile) -> Bool {
        // An empty column's moments are NaN on both sides, and still the same profile.
        func same(_ a: Double, _ b: Double) -> Bool { a == b || (a.isNaN && b.isNaN) }
        return lhs.missingCount == rhs.missingCount && lhs.bins == rhs.bins && lhs.sketch == rhs.sketch
            && same(lhs.mean, rhs.mean) && same(lhs.standardDeviation, rhs.standardDeviation)
            && same(lhs.minimum, rhs.minimum) && same(lhs.maximum, rhs.maximum)
    }

    /// Missing values as a share of all values (0 for an empty column).
    package var missingRate: Double {
        let total = count + missingCount
        return total == 0 ? 0 : Double(missingCount) / Double(total)
    }

    /// The KS test of `current` against this reference, by scipy's rules for the two
    /// sizes; nil when either side has no value. When the sketch is exact its
    /// distribution function is the reference's own, and so is the result.
    package func kolmogorovSmirnov(_ current: NumericSample) -> KolmogorovSmirnov.Result? {
        guard count > 0, current.count > 0 else { return nil }
        return KolmogorovSmirnov.result(
            statistic: sketch.largestDistance(to: current), referenceCount: count, currentCount: current.count)
    }

    /// The p-values the exact test against the full reference could give, lowest first,
    /// from the interval the sketch confines the statistic to: one value when the
    /// sketch is exact. A verdict that holds at both ends does not depend on the sketch.
    package func kolmogorovSmirnovPValueBounds(_ current: NumericSample) -> ClosedRange<Double>? {
        guard count > 0, current.count > 0 else { return nil }
        let statistic = sketch.statisticBounds(to: current)
        guard let low = KolmogorovSmirnov.result(statistic: statistic.upperBound, referenceCount: count, currentCount: current.count),
              let high = KolmogorovSmirnov.result(statistic: statistic.lowerBound, referenceCount: count, currentCount: current.count)
        else { return nil }
        return min(low.pValue, high.pValue)...max(low.pValue, high.pValue)
    }

    /// The Wasserstein distance to `current` and its normalisation by this column's spread.
    package func wasserstein(_ current: NumericSample) -> Wasserstein.Normalized? {
        guard let distance = sketch.wassersteinDistance(to: current), standardDeviation.isFinite else { return nil }
        return Wasserstein.Normalized(distance: distance, referenceStandardDeviation: standardDeviation)
    }

    /// PSI of `current` over the stored decile bins.
    package func populationStabilityIndex(_ current: NumericSample) -> Double? {
        bins.flatMap { PopulationStabilityIndex.index(bins: $0, current: current) }
    }

    /// The Jensen–Shannon distance of `current` over the stored decile bins.
    package func jensenShannon(_ current: NumericSample) -> Double? {
        bins.flatMap { JensenShannon.distance(bins: $0, current: current) }
    }
}
