import Tabular
import Testing

/// Expected values are NumPy's (`numpy.quantile`, default linear method; `nanmedian`; `std`).
@Suite struct StatisticsTests {
    static let sample = [3.1, 0.2, 7.7, 1.5, 9.0, 2.2, 4.4]

    @Test(arguments: [
        (0.0, 0.2), (0.1, 0.9800000000000001), (0.25, 1.85), (0.33, 2.186), (0.5, 3.1),
        (0.75, 6.050000000000001), (0.9, 8.22), (1.0, 9.0),
    ])
    func quantilesMatchNumPy(q: Double, expected: Double) {
        #expect(Statistics.quantile(Self.sample, q) == expected)
    }

    @Test func quartilesOfOneToFour() {
        let values: [Double] = [4, 1, .nan, 3, 2]
        #expect(Statistics.median(values) == 2.5)
        #expect(Statistics.quantile(values, 0.25) == 1.75)
        #expect(Statistics.quantile(values, 0.75) == 3.25)
        #expect(Statistics.quantile(values, 0.75) - Statistics.quantile(values, 0.25) == 1.5)
    }

    @Test func medianMeanAndSpread() {
        #expect(Statistics.median(Self.sample) == 3.1)
        #expect(Statistics.median(Array(Self.sample.prefix(6))) == 2.6500000000000004)
        #expect(Statistics.standardDeviation([1, 2, 3, 4]) == 1.118033988749895)
        #expect(Statistics.standardDeviation(Self.sample) == 3.0139810272549927)
        #expect(Statistics.mean([1, .nan, 3]) == 2)
    }

    @Test func modePrefersTheSmallestOnTies() {
        #expect(Statistics.mode([3, 1, 3, 1, 2, .nan, .nan, .nan]) == 1)
        #expect(Statistics.mode([5, 5, 2]) == 5)
    }

    @Test func nothingPresentGivesNaN() {
        for statistic in [Statistics.mean, Statistics.median, Statistics.mode, Statistics.standardDeviation] {
            #expect(statistic([.nan, .nan]).isNaN)
            #expect(statistic([]).isNaN)
        }
        #expect(Statistics.quantile([], 0.5).isNaN)
    }
}
