import Drift
import Testing

/// The distributions behind the p-values, on grids that reach every method each uses.
@Suite struct DistributionFixtureTests {
    /// `scipy.stats.kstwo.sf(x, n)`: every region of `_kolmogn` (Ruben–Gambino, Durbin,
    /// Pomeranz, Pelz–Good, twice Smirnov) for n from 1 to 2·10⁶.
    @Test func kolmogorovSurvivalEqualsScipy() {
        let grid = DriftFixtures.grid("kolmogorov_sf")
        #expect(grid.count > 200)
        for row in grid where row.count == 3 {
            let actual = KolmogorovDistribution.survival(size: Int(row[0]), statistic: row[1])
            #expect(isClose(actual, row[2], relative: 1e-6, absolute: 1e-300), "kstwo.sf(\(row[1]), \(Int(row[0]))): \(actual) vs \(row[2])")
        }
    }

    /// `scipy.special.smirnov(n, x)`, including the closed forms and the large-n approximation.
    @Test func smirnovSurvivalEqualsScipy() {
        let grid = DriftFixtures.grid("smirnov_sf")
        #expect(grid.count > 50)
        for row in grid where row.count == 3 {
            let actual = SmirnovDistribution.survival(size: Int(row[0]), statistic: row[1])
            #expect(isClose(actual, row[2], relative: 1e-6, absolute: 1e-300), "smirnov(\(Int(row[0])), \(row[1])): \(actual) vs \(row[2])")
        }
    }

    /// `scipy.stats.chi2.sf(x, df)` to 1e-10 relative, df from 1 to 10⁴.
    @Test func chiSquaredSurvivalEqualsScipy() {
        let grid = DriftFixtures.grid("chi2_sf")
        #expect(grid.count > 80)
        for row in grid where row.count == 3 {
            let actual = ChiSquaredDistribution.survival(row[1], degreesOfFreedom: row[0])
            #expect(isClose(actual, row[2], relative: 1e-10, absolute: 1e-300), "chi2.sf(\(row[1]), \(row[0])): \(actual) vs \(row[2])")
        }
    }
}
