import GradientBoosting
import Testing

@Suite struct BinMapperTests {
    @Test func fewDistinctValuesGetOneBinEach() {
        let mapper = BinMapper(fitting: [[3, 1, 2, 2, .nan, 1]], maxBin: 256, threads: 1)
        #expect(mapper.cuts[0].dropLast() == [2, 3])
        #expect(mapper.cuts[0].last! > 3)
        #expect(mapper.minimums == [1])
        #expect([1, 2, 3, 2.5, .nan].map { mapper.bin($0, feature: 0) } == [0, 1, 2, 1, BinMapper.missingBin])
    }

    @Test(arguments: [2, 16, 256])
    func manyValuesAreCutIntoAtMostMaxBinQuantiles(_ maxBin: Int) {
        let column = (0..<10_000).map { Double($0) }
        let cuts = BinMapper(fitting: [column], maxBin: maxBin, threads: 1).cuts[0]
        #expect(cuts.count <= maxBin && cuts.count >= maxBin - 1)
        #expect(zip(cuts, cuts.dropFirst()).allSatisfy { $0 < $1 })
        // Quantiles: the bins hold about the same number of rows.
        let mapper = BinMapper(fitting: [column], maxBin: maxBin, threads: 1)
        var counts = [Int](repeating: 0, count: cuts.count)
        for value in column { counts[Int(mapper.bin(value, feature: 0))] += 1 }
        #expect(counts.max()! - counts.min()! <= 10_000 / cuts.count / 2 + 2)
    }

    @Test func missingValuesKeepByte255ForThemselves() {
        let column = (0..<10_000).map { Double($0) } + [.nan]
        let mapper = BinMapper(fitting: [column, Array(column.dropLast())], maxBin: 256, threads: 1)
        #expect(mapper.hasMissing == [true, false])
        #expect(mapper.cuts[0].count <= 255 && mapper.cuts[1].count == 256)
        #expect(mapper.bin(.nan, feature: 0) == BinMapper.missingBin && mapper.bin(9_999, feature: 1) == 255)
    }

    @Test func allMissingFeatureHasNoValueBins() {
        let mapper = BinMapper(fitting: [[.nan, .nan]], maxBin: 256, threads: 1)
        #expect(mapper.cuts == [[]])
    }
}
