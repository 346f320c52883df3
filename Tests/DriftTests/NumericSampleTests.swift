import Drift
import Testing

/// The sample every numeric statistic starts from: NaNs out, the rest in order.
@Suite struct NumericSampleTests {
    /// Radix-sorted columns (above 512 values) and small ones sort as the standard
    /// library does, through negatives, signed zeros, infinities and subnormals.
    @Test(arguments: [10, 511, 512, 5_000])
    func sortsAsTheStandardLibrary(count: Int) {
        let specials: [Double] = [-0.0, 0.0, .infinity, -.infinity, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .nan, -.nan]
        let values = DeterministicSample(seed: UInt64(count), count: count, shape: "uniform", shift: -5).values
            .enumerated().map { $0.offset % 97 == 0 ? specials[($0.offset / 97) % specials.count] : $0.element * 1e5 }
        let sample = NumericSample(values)
        let expected = values.filter { !$0.isNaN }.sorted()
        #expect(sample.sortedValues == expected)
        #expect(sample.missingCount == values.count - expected.count)
    }

    /// numpy.quantile([1, 2, 3, 4], [0, 0.1, 0.5, 0.9, 1]) = [1, 1.3, 2.5, 3.7, 4].
    @Test func quantilesInterpolateAsNumpy() {
        let sample = NumericSample([4, 2, .nan, 1, 3])
        let quantiles = [0, 0.1, 0.5, 0.9, 1].compactMap { sample.quantile($0) }
        #expect(zip(quantiles, [1, 1.3, 2.5, 3.7, 4]).allSatisfy { isClose($0, $1, relative: 1e-15) })
        #expect(sample.missingRate == 0.2)
    }
}
