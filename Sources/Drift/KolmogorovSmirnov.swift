/// The two-sample Kolmogorov–Smirnov test, two-sided, as `scipy.stats.ks_2samp(a, b)`
/// with its default `method="auto"`.
///
/// scipy's rules, kept here so the p-values agree to 1e-6:
/// - exact when both samples hold at most 10,000 values: the statistic is first
///   snapped to the lattice `h / lcm(n1, n2)`, then the probability of a lattice path
///   leaving the band comes from `_compute_prob_outside_square` (equal sizes) or
///   `_compute_outer_prob_inside_method` (Hodges' inside method, Viehmann's
///   recursion for 1 − p); a result that is not a finite probability falls back to
///   the asymptotic form with the snapped statistic, as scipy's does on overflow;
/// - otherwise `kstwo.sf(D, round(n1·n2 / (n1 + n2)))`, the exact one-sample
///   Kolmogorov distribution at the effective size (see `KolmogorovDistribution`).
package enum KolmogorovSmirnov {
    /// Above this many values in either sample scipy's `auto` stops computing exactly.
    package static let exactSizeLimit = 10_000

    /// How the p-value was computed.
    package enum Method: String, Sendable, Equatable {
        /// Lattice-path counting for the two sample sizes.
        case exact
        /// The Kolmogorov distribution at the effective sample size.
        case asymptotic
    }

    /// The outcome of one test.
    package struct Result: Sendable, Equatable {
        /// The largest distance between the two empirical distribution functions.
        package var statistic: Double
        /// The two-sided p-value.
        package var pValue: Double
        /// How the p-value was computed.
        package var method: Method

        /// Creates a result.
        package init(statistic: Double, pValue: Double, method: Method) {
            self.statistic = statistic
            self.pValue = pValue
            self.method = method
        }
    }

    /// Tests two samples; nil when either has no non-missing value (scipy refuses
    /// empty samples, and there is nothing to compare).
    package static func test(reference: NumericSample, current: NumericSample) -> Result? {
        guard reference.count > 0, current.count > 0 else { return nil }
        let statistic = largestDistance(reference.sortedValues, current.sortedValues)
        return result(statistic: statistic, referenceCount: reference.count, currentCount: current.count)
    }

    /// The p-value for `statistic` between samples of the given sizes, by scipy's rules;
    /// nil when either size is not positive. Used both for samples and for a profile.
    package static func result(statistic: Double, referenceCount n1: Int, currentCount n2: Int) -> Result? {
        guard n1 > 0, n2 > 0, statistic.isFinite else { return nil }
        let d = min(max(statistic, 0), 1)
        if max(n1, n2) <= exactSizeLimit {
            let (snapped, probability) = exactProbability(n1: n1, n2: n2, statistic: d)
            if let probability {
                return Result(statistic: snapped, pValue: min(max(probability, 0), 1), method: .exact)
            }
            return asymptotic(statistic: snapped, n1: n1, n2: n2)
        }
        return asymptotic(statistic: d, n1: n1, n2: n2)
    }

    private static func asymptotic(statistic: Double, n1: Int, n2: Int) -> Result {
        let larger = Double(max(n1, n2)), smaller = Double(min(n1, n2))
        let effectiveSize = (larger * smaller / (larger + smaller)).rounded(.toNearestOrEven)
        let p = KolmogorovDistribution.survival(size: Int(effectiveSize), statistic: statistic)
        return Result(statistic: statistic, pValue: min(max(p, 0), 1), method: .asymptotic)
    }

    /// `sup |F1 − F2|` over the two sorted samples, by one merge: at each distinct
    /// value both functions step past every copy of it (ties count as scipy's
    /// `searchsorted(side="right")` does).
    package static func largestDistance(_ first: [Double], _ second: [Double]) -> Double {
        let n1 = first.count, n2 = second.count
        guard n1 > 0, n2 > 0 else { return 0 }
        let scale1 = Double(n1), scale2 = Double(n2)
        var i = 0, j = 0
        var largest = 0.0, smallest = 0.0
        return first.withUnsafeBufferPointer { a in
            second.withUnsafeBufferPointer { b in
                while i < n1 || j < n2 {
                    let value = j >= n2 || (i < n1 && a[i] <= b[j]) ? a[i] : b[j]
                    while i < n1, a[i] <= value { i += 1 }
                    while j < n2, b[j] <= value { j += 1 }
                    let difference = Double(i) / scale1 - Double(j) / scale2
                    largest = max(largest, difference)
                    smallest = min(smallest, difference)
                }
                return max(largest, -smallest)
            }
        }
    }
}
