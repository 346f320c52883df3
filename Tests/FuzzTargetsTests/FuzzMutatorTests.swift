import FuzzTargets
import Testing

@Suite struct FuzzMutatorTests {
    static let seeds = [Array("train:\n  seed: 42\n  rate: 0.1\n".utf8), Array("a: [1, 2]\nb: {c: d}\n".utf8)]

    @Test func anInputIsMadeAgainFromItsNumberAndSeed() {
        let mutator = FuzzMutator(format: .params, seeds: Self.seeds)
        for number in [0, 1, 17, 123_456] as [UInt64] {
            #expect(mutator.input(number: number, seed: 9) == mutator.input(number: number, seed: 9))
        }
    }

    @Test func numbersAndSeedsGiveDifferentInputs() {
        let mutator = FuzzMutator(format: .params, seeds: Self.seeds)
        let inputs = Set((0..<200 as Range<UInt64>).map { mutator.input(number: $0, seed: 1) })
        #expect(inputs.count > 150)
        #expect(mutator.input(number: 5, seed: 1) != mutator.input(number: 5, seed: 2))
    }

    @Test func inputsStayUnderTheSizeLimit() {
        let mutator = FuzzMutator(format: .run, seeds: Self.seeds, maximumSize: 300)
        for number in 0..<500 as Range<UInt64> {
            #expect(mutator.input(number: number, seed: 3).count <= 300)
        }
    }
}
