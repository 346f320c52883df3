import Basics
import Drift
import Testing

/// Every numeric statistic against scipy/numpy on generated samples of 10 to 10⁶
/// values, with ties and missing values.
@Suite struct NumericFixtureTests {
    static let caseIndices = Array(DriftFixtures.cases("numeric").indices)

    @Test func fixturesAreThere() {
        #expect(Self.caseIndices.count >= 15)
    }

    @Test(arguments: caseIndices)
    func statisticsEqualScipy(index: Int) throws {
        let fixture = DriftFixtures.cases("numeric")[index]
        let referenceSpec = try #require(fixture["reference"]), currentSpec = try #require(fixture["current"])
        let reference = DeterministicSample(referenceSpec).sample, current = DeterministicSample(currentSpec).sample
        let name = fixture.name

        let ks = try #require(KolmogorovSmirnov.test(reference: reference, current: current))
        #expect(abs(ks.statistic - fixture.number("ks_statistic")) <= 1e-9, "\(name): KS statistic")
        #expect(isClose(ks.pValue, fixture.number("ks_pvalue"), relative: 1e-6, absolute: 1e-300),
                "\(name): KS p-value \(ks.pValue) vs \(fixture.number("ks_pvalue"))")
        #expect((ks.method == .exact) == (fixture["ks_exact"] == .bool(true)), "\(name): method")

        #expect(isClose(reference.missingRate, fixture.number("missing_rate_reference"), relative: 1e-15))
        #expect(isClose(current.missingRate, fixture.number("missing_rate_current"), relative: 1e-15))

        let wasserstein = try #require(Wasserstein.normalized(reference: reference, current: current))
        #expect(isClose(wasserstein.distance, fixture.number("wasserstein"), relative: 1e-9), "\(name): Wasserstein")
        #expect(isClose(wasserstein.referenceStandardDeviation, fixture.number("reference_std"), relative: 1e-9))
        #expect(wasserstein.note == nil)

        let bins = try #require(QuantileBins(reference: reference))
        #expect(zip(bins.edges, fixture.numbers("decile_edges")).allSatisfy { isClose($0, $1, relative: 1e-12) })
        #expect(bins.referenceCounts.map(Double.init) == fixture.numbers("reference_bin_counts"), "\(name): reference bins")
        #expect(bins.currentCounts(current).map(Double.init) == fixture.numbers("current_bin_counts"), "\(name): current bins")
        let psi = try #require(PopulationStabilityIndex.index(bins: bins, current: current))
        #expect(isClose(psi, fixture.number("psi"), relative: 1e-9, absolute: 1e-15), "\(name): PSI")
        let js = try #require(JensenShannon.distance(bins: bins, current: current))
        #expect(isClose(js, fixture.number("js"), relative: 1e-9, absolute: 1e-12), "\(name): JS")
    }
}
