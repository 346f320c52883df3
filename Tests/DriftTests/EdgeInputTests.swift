import Drift
import Testing

/// Inputs a drift check meets in practice and that must give an answer or nil, never a
/// trap: empty and all-missing columns, one value, constant columns.
@Suite struct EdgeInputTests {
    static let empty = NumericSample([])
    static let allMissing = NumericSample([.nan, .nan, .nan])

    @Test func emptyAndAllMissingSamplesHaveNoStatistics() {
        let some = NumericSample([1, 2, 3])
        for nothing in [Self.empty, Self.allMissing] {
            #expect(KolmogorovSmirnov.test(reference: nothing, current: some) == nil)
            #expect(KolmogorovSmirnov.test(reference: some, current: nothing) == nil)
            #expect(Wasserstein.normalized(reference: nothing, current: some) == nil)
            #expect(Wasserstein.distance(reference: some, current: nothing) == nil)
            #expect(QuantileBins(reference: nothing) == nil)
            #expect(nothing.mean == nil && nothing.standardDeviation == nil && nothing.quantile(0.5) == nil)
        }
        #expect(Self.allMissing.missingRate == 1)
        #expect(Self.empty.missingRate == 0)
        let bins = QuantileBins(reference: some)
        #expect(bins.flatMap { PopulationStabilityIndex.index(bins: $0, current: Self.allMissing) } == nil)
        #expect(bins.flatMap { JensenShannon.distance(bins: $0, current: Self.empty) } == nil)
    }

    /// scipy: ks_2samp([1], [2]) = (1, 1.0); ks_2samp([1], [1]) = (0, 1.0);
    /// ks_2samp([0,0,0,1,1,1], [2,2,2,2]) = (1, 0.009523809523809525).
    @Test func tinyAndTiedSamplesMatchScipy() throws {
        let apart = try #require(KolmogorovSmirnov.test(reference: NumericSample([1]), current: NumericSample([2])))
        #expect(apart.statistic == 1 && apart.pValue == 1)
        let same = try #require(KolmogorovSmirnov.test(reference: NumericSample([1]), current: NumericSample([1])))
        #expect(same.statistic == 0 && same.pValue == 1)
        let tied = try #require(KolmogorovSmirnov.test(
            reference: NumericSample([0, 0, 0, 1, 1, 1]), current: NumericSample([2, 2, 2, 2])))
        #expect(tied.statistic == 1)
        #expect(isClose(tied.pValue, 0.009523809523809525, relative: 1e-12))
    }

    /// A constant reference has no spread to divide by: Evidently's floor of 0.001, said
    /// in the note (scipy: wasserstein_distance([5]*10, [5, 6]) = 0.5).
    @Test func constantReferenceDividesByTheFloorAndSaysSo() throws {
        let constant = NumericSample(Array(repeating: 5, count: 10))
        let result = try #require(Wasserstein.normalized(reference: constant, current: NumericSample([5, 6])))
        #expect(result.distance == 0.5)
        #expect(result.referenceStandardDeviation == 0)
        #expect(result.normalized == 500)
        #expect(result.note?.contains("constant") == true)
        let ks = try #require(KolmogorovSmirnov.test(reference: constant, current: NumericSample(Array(repeating: 5, count: 7))))
        #expect(ks.statistic == 0 && ks.pValue == 1)
        let bins = try #require(QuantileBins(reference: constant))
        #expect(PopulationStabilityIndex.index(bins: bins, current: constant) == 0)
    }

    @Test func distributionsRejectMeaninglessArguments() {
        #expect(KolmogorovDistribution.survival(size: 0, statistic: 0.5).isNaN)
        #expect(KolmogorovDistribution.survival(size: 10, statistic: .nan).isNaN)
        #expect(KolmogorovDistribution.survival(size: 10, statistic: 2) == 0)
        #expect(KolmogorovDistribution.survival(size: 10, statistic: -1) == 1)
        #expect(SmirnovDistribution.survival(size: -3, statistic: 0.5).isNaN)
        #expect(ChiSquaredDistribution.survival(3, degreesOfFreedom: 0).isNaN)
        #expect(ChiSquaredDistribution.survival(-1, degreesOfFreedom: 2) == 1)
        #expect(ChiSquaredDistribution.survival(.infinity, degreesOfFreedom: 2) == 0)
        #expect(KolmogorovSmirnov.result(statistic: .nan, referenceCount: 5, currentCount: 5) == nil)
        #expect(KolmogorovSmirnov.result(statistic: 0.5, referenceCount: 0, currentCount: 5) == nil)
    }

    @Test func emptyCategoriesHaveNoTest() {
        let none = CategoricalSample([String?]([nil, nil]))
        let some = CategoricalSample(["a", "b", nil])
        #expect(none.missingRate == 1)
        #expect(some.missingRate == 1.0 / 3.0)
        #expect(ChiSquaredTest.contingency(reference: none, current: some) == nil)
        #expect(ChiSquaredTest.goodnessOfFit(reference: some, current: none) == nil)
        #expect(PopulationStabilityIndex.index(reference: none, current: some) == nil)
        #expect(JensenShannon.distance(reference: some, current: none) == nil)
        #expect(PopulationStabilityIndex.index(referenceCounts: [1, 2], currentCounts: [1]) == nil)
    }
}
