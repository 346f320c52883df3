import Basics
import Testing

@Suite struct ParallelTests {
    @Test(arguments: [1, 2, 3, 8])
    func mapKeepsIndexOrderForAnyThreadCount(threads: Int) {
        #expect(Parallel.map(1000, threads: threads) { $0 * $0 } == (0..<1000).map { $0 * $0 })
        #expect(Parallel.map(0, threads: threads) { $0 }.isEmpty)
        #expect(Parallel.map(1, threads: threads) { $0 + 7 } == [7])
    }

    @Test(arguments: [1, 2, 5])
    func forEachRunsEveryIndexExactlyOnce(threads: Int) {
        var hits = [Int](repeating: 0, count: 257)
        hits.withUnsafeMutableBufferPointer { buffer in
            // Each index writes only its own slot, as every caller of `Parallel` must.
            let slots = Unchecked(buffer)
            Parallel.forEach(buffer.count, threads: threads) { index in slots.value[index] += 1 }
        }
        #expect(hits == [Int](repeating: 1, count: 257))
    }

    @Test func chunksPartitionTheRangeInOrder() {
        #expect(Parallel.chunks(10, size: 4) == [0..<4, 4..<8, 8..<10])
        #expect(Parallel.chunks(8, size: 4) == [0..<4, 4..<8])
        #expect(Parallel.chunks(0, size: 4).isEmpty)
    }
}
