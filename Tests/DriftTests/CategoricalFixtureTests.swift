import Drift
import Testing

/// The categorical statistics against scipy on count tables.
@Suite struct CategoricalFixtureTests {
    static let caseIndices = Array(DriftFixtures.cases("categorical").indices)

    @Test(arguments: caseIndices)
    func statisticsEqualScipy(index: Int) throws {
        let fixture = DriftFixtures.cases("categorical")[index]
        let reference = CategoricalSample(counts: fixture.counts("reference"))
        let current = CategoricalSample(counts: fixture.counts("current"))
        let name = fixture.name
        let contingency = try #require(ChiSquaredTest.contingency(reference: reference, current: current))
        let fit = try #require(ChiSquaredTest.goodnessOfFit(reference: reference, current: current))
        if fixture["contingency_statistic"] != nil {
            #expect(isClose(contingency.statistic, fixture.number("contingency_statistic"), relative: 1e-10, absolute: 1e-12), "\(name)")
            #expect(isClose(contingency.pValue, fixture.number("contingency_pvalue"), relative: 1e-9, absolute: 1e-300), "\(name)")
            #expect(Double(contingency.degreesOfFreedom) == fixture.number("contingency_dof"))
            #expect(isClose(fit.statistic, fixture.number("gof_statistic"), relative: 1e-10, absolute: 1e-12), "\(name)")
            #expect(isClose(fit.pValue, fixture.number("gof_pvalue"), relative: 1e-9, absolute: 1e-300), "\(name)")
        } else {
            // One category: nothing can differ in shape, and scipy has no test to run.
            #expect(contingency == ChiSquaredTest.Result(statistic: 0, pValue: 1, degreesOfFreedom: 0))
            #expect(fit.pValue == 1)
        }
        let psi = try #require(PopulationStabilityIndex.index(reference: reference, current: current))
        #expect(isClose(psi, fixture.number("psi"), relative: 1e-10, absolute: 1e-15), "\(name): PSI")
        let js = try #require(JensenShannon.distance(reference: reference, current: current))
        #expect(isClose(js, fixture.number("js"), relative: 1e-10, absolute: 1e-12), "\(name): JS")
    }
}
