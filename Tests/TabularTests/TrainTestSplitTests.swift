import Basics
import Tabular
import Testing

@Suite struct TrainTestSplitTests {
    @Test func pinnedSplitForSeed42() throws {
        // Pinned once: a change here would change every user's split on every platform.
        let split = try trainTestSplit(rows: 10, testSize: 0.3, seed: 42)
        #expect(split.test == [9, 1, 4])
        #expect(split.train == [2, 8, 7, 6, 5, 3, 0])
    }

    @Test func sameSeedSameSplitOtherSeedOtherSplit() throws {
        let a = try trainTestSplit(rows: 1000, testSize: 0.2, seed: 7)
        #expect(a == (try trainTestSplit(rows: 1000, testSize: 0.2, seed: 7)))
        #expect(a != (try trainTestSplit(rows: 1000, testSize: 0.2, seed: 8)))
        #expect(Set(a.train).isDisjoint(with: a.test))
        #expect(Set(a.train + a.test) == Set(0..<1000))
    }

    @Test(arguments: [(10, 0.3, 3), (10, 0.25, 3), (100, 0.2, 20), (7, 0.5, 4), (3, 0.1, 1)])
    func testCountIsRoundedUp(rows: Int, testSize: Double, expected: Int) throws {
        let split = try trainTestSplit(rows: rows, testSize: testSize, seed: 1)
        #expect(split.test.count == expected)
        #expect(split.train.count == rows - expected)
    }

    @Test func withoutShuffleTheLastRowsAreTest() throws {
        let split = try trainTestSplit(rows: 5, testSize: 0.4, seed: 99, shuffle: false)
        #expect(split == TrainTestSplit(train: [0, 1, 2], test: [3, 4]))
    }

    @Test func stratifiedSplitKeepsClassShares() throws {
        let labels = (0..<1000).map { Double($0 % 10 < 7 ? 0 : ($0 % 10 < 9 ? 1 : 2)) }  // 70% / 20% / 10%
        let split = try trainTestSplit(rows: 1000, testSize: 0.2, seed: 3, stratify: labels)
        func counts(_ rows: [Int]) -> [Double: Int] { Dictionary(grouping: rows) { labels[$0] }.mapValues(\.count) }
        #expect(counts(split.test) == [0: 140, 1: 40, 2: 20])
        #expect(counts(split.train) == [0: 560, 1: 160, 2: 80])
        #expect(split == (try trainTestSplit(rows: 1000, testSize: 0.2, seed: 3, stratify: labels)))
    }

    @Test func stratifiedPinnedForSeed42() throws {
        let labels = (0..<20).map { Double($0 % 4 == 0 ? 1 : 0) }
        let split = try trainTestSplit(rows: 20, testSize: 0.25, seed: 42, stratify: labels)
        #expect(split.test == [15, 11, 7, 2, 12])
        #expect(split.test.filter { labels[$0] == 1 }.count == 1)
    }

    @Test func explainsImpossibleSplits() {
        // A wrong test size or option is configuration (exit 2); too few rows is the data's failure (exit 1).
        let zero = #expect(throws: Diagnostic.self) { try trainTestSplit(rows: 10, testSize: 0, seed: 1) }
        #expect(zero?.cause == .configuration)
        #expect(throws: Diagnostic.self) { try trainTestSplit(rows: 10, testSize: 1, seed: 1) }
        let tooFew = #expect(throws: Diagnostic.self) { try trainTestSplit(rows: 1, testSize: 0.5, seed: 1) }
        #expect(tooFew?.cause == .failure)
        let unshuffled = #expect(throws: Diagnostic.self) {
            try trainTestSplit(rows: 4, testSize: 0.5, seed: 1, shuffle: false, stratify: [0, 0, 1, 1])
        }
        #expect(unshuffled?.cause == .configuration)
        #expect(throws: Diagnostic.self) { try trainTestSplit(rows: 4, testSize: 0.5, seed: 1, stratify: [0, 1]) }
        #expect(throws: Diagnostic.self) { try trainTestSplit(rows: 4, testSize: 0.5, seed: 1, stratify: [0, .nan, 1, 1]) }
        let rare = #expect(throws: Diagnostic.self) {
            try trainTestSplit(rows: 5, testSize: 0.4, seed: 1, stratify: [0, 0, 0, 0, 1])
        }
        #expect(rare?.message == "class 1 has only 1 row, too few to stratify")
        #expect(rare?.cause == .failure)
    }
}
