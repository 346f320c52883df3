/// Chi-squared tests of category counts, in the two forms drift tools use.
///
/// - `contingency` is `scipy.stats.chi2_contingency` on the 2×k table of reference and
///   current counts, with scipy's default `correction=True`: Yates' continuity
///   correction (each |observed − expected| moved 0.5 toward zero, never past it)
///   applies when the table has one degree of freedom, i.e. two categories. It treats
///   both samples as samples: the default for drift, since the reference is finite too.
/// - `goodnessOfFit` is `scipy.stats.chisquare(current, f_exp=p_ref · n_current)`, the
///   form Evidently uses: the reference proportions taken as the truth.
package enum ChiSquaredTest {
    /// The outcome of a test.
    package struct Result: Sendable, Equatable {
        /// The chi-squared statistic.
        package var statistic: Double
        /// The upper-tail probability of the statistic.
        package var pValue: Double
        /// The degrees of freedom the p-value used.
        package var degreesOfFreedom: Int

        /// Creates a result.
        package init(statistic: Double, pValue: Double, degreesOfFreedom: Int) {
            self.statistic = statistic
            self.pValue = pValue
            self.degreesOfFreedom = degreesOfFreedom
        }
    }

    /// The contingency test; nil when either sample has no categorised row.
    ///
    /// Categories are the union of both sides, so none has an empty column and no
    /// expected count is zero. With a single category (no degrees of freedom) the
    /// statistic is 0 and the p-value 1, as scipy returns.
    package static func contingency(reference: CategoricalSample, current: CategoricalSample) -> Result? {
        let categories = CategoricalSample.categories(reference, current)
        let rows = [reference.counts(for: categories), current.counts(for: categories)]
        let rowTotals = rows.map { $0.reduce(0, +) }
        guard rowTotals.allSatisfy({ $0 > 0 }) else { return nil }
        let total = rowTotals.reduce(0, +)
        let columnTotals = categories.indices.map { rows[0][$0] + rows[1][$0] }
        let degreesOfFreedom = categories.count - 1
        guard degreesOfFreedom > 0 else { return Result(statistic: 0, pValue: 1, degreesOfFreedom: 0) }
        var statistic = 0.0
        for row in 0..<2 {
            for column in categories.indices {
                let expected = rowTotals[row] * columnTotals[column] / total
                var observed = rows[row][column]
                if degreesOfFreedom == 1 {
                    let difference = expected - observed
                    let direction: Double = difference > 0 ? 1 : (difference < 0 ? -1 : 0)
                    observed += min(0.5, abs(difference)) * direction
                }
                statistic += (observed - expected) * (observed - expected) / expected
            }
        }
        let p = ChiSquaredDistribution.survival(statistic, degreesOfFreedom: Double(degreesOfFreedom))
        return Result(statistic: statistic, pValue: p, degreesOfFreedom: degreesOfFreedom)
    }

    /// The goodness-of-fit test of the current counts against the reference
    /// proportions; nil when either sample has no categorised row. With a single
    /// category the p-value is 1 (scipy's `chi2.sf(0, 0)` would be NaN).
    ///
    /// A category the reference never saw would expect 0 rows and make the statistic
    /// infinite (Evidently then reports p = 0 with a numpy warning). Here its
    /// reference proportion of 0 becomes `DriftDefaults.emptyBinFloor` and the
    /// proportions renormalised to sum to 1, so the statistic stays a finite number
    /// (JSON has no infinity) that an unseen category of any weight still dominates:
    /// c such rows among n add about c² / (1e-4 · n).
    package static func goodnessOfFit(reference: CategoricalSample, current: CategoricalSample) -> Result? {
        let categories = CategoricalSample.categories(reference, current)
        let referenceCounts = reference.counts(for: categories)
        let observed = current.counts(for: categories)
        let referenceTotal = referenceCounts.reduce(0, +), currentTotal = observed.reduce(0, +)
        guard referenceTotal > 0, currentTotal > 0 else { return nil }
        let floored = referenceCounts.map { $0 == 0 ? DriftDefaults.emptyBinFloor : $0 / referenceTotal }
        let flooredTotal = floored.reduce(0, +)
        let degreesOfFreedom = categories.count - 1
        var statistic = 0.0
        for index in categories.indices {
            let expected = floored[index] / flooredTotal * currentTotal
            statistic += (observed[index] - expected) * (observed[index] - expected) / expected
        }
        guard degreesOfFreedom > 0 else { return Result(statistic: statistic, pValue: 1, degreesOfFreedom: 0) }
        let p = ChiSquaredDistribution.survival(statistic, degreesOfFreedom: Double(degreesOfFreedom))
        return Result(statistic: statistic, pValue: p, degreesOfFreedom: degreesOfFreedom)
    }
}
