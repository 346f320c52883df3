import Basics
import Testing

/// The radix sorts order numbers as the standard library's sort does, on both paths
/// (float32-exact doubles, and doubles that need all 64 bits).
@Suite struct RadixSortTests {
    static func values(_ count: Int, seed: UInt64, float32: Bool) -> [Double] {
        var generator = SeededGenerator(seed: seed)
        let specials: [Double] = [0, -0.0, .infinity, -.infinity, .nan, Double.leastNormalMagnitude / 8, -Double.leastNormalMagnitude / 8, Double(Float.leastNonzeroMagnitude), 3, -3]
        return (0..<count).map { index in
            if index % 97 == 0 { return specials[index / 97 % specials.count] }
            let value = Double(generator.next() % 2_000_001) / 1000 - 1000
            return float32 ? Double(Float(value)) : value + 1e-9
        }
    }

    @Test(arguments: [true, false])
    func doublesSortAsTheStandardLibrarySorts(float32: Bool) {
        let values = Self.values(5_000, seed: 7, float32: float32)
        let sorted = RadixSort.sortedWithoutNaN(values)
        let expected = values.filter { !$0.isNaN }.sorted()
        #expect(sorted == expected)
        // −0 before +0 (equal as numbers, so check the bits).
        let zeros = sorted.filter { $0 == 0 }.map(\.sign)
        #expect(zeros == zeros.sorted { $0 == .minus && $1 == .plus })
    }

    @Test func valuesThatDifferOnlyInTheirLowestBitsAreOrdered() {
        var generator = SeededGenerator(seed: 11)
        let values = (0..<4_000).map { _ in Double(bitPattern: (1.5).bitPattern + generator.next() % 5_000) * (generator.next() % 2 == 0 ? 1 : -1) }
        #expect(RadixSort.sortedWithoutNaN(values) == values.sorted())
        let copies = [Double](repeating: 2.5, count: 3_000) + [Double](repeating: -1, count: 2_000)
        #expect(RadixSort.sortedWithoutNaN(copies) == copies.sorted())
    }

    @Test func floatsSortInPlace() {
        var values = Self.values(3_000, seed: 3, float32: true).filter { !$0.isNaN }.map(Float.init)
        let expected = values.sorted()
        RadixSort.sort(&values)
        #expect(values == expected)
    }

    @Test func smallAndEmptyInputs() {
        #expect(RadixSort.sortedWithoutNaN([]) == [])
        #expect(RadixSort.sortedWithoutNaN([.nan, .nan]) == [])
        #expect(RadixSort.sortedWithoutNaN([2, .nan, 1]) == [1, 2])
    }
}
