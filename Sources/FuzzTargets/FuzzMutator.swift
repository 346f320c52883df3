import Basics

/// Makes the inputs of one format from its seed files: each input is a seed with a
/// few random mutations stacked on it, drawn from a generator seeded by the run's
/// seed and the input's number, so input N of a run can be made again on its own.
package struct FuzzMutator: Sendable {
    /// The format the inputs are.
    package let format: FuzzFormat
    /// The seed files (plain or bundled); never empty.
    package let seeds: [[UInt8]]
    /// Inputs are cut to this many bytes.
    package let maximumSize: Int
    let dictionary: [[UInt8]]
    /// The seeds' members by name, for splicing one member with the same member of another seed.
    let donors: [String: [[UInt8]]]

    /// A mutator over `seeds` (an empty list is one empty seed).
    package init(format: FuzzFormat, seeds: [[UInt8]], maximumSize: Int = 1 << 20) {
        self.format = format
        self.seeds = seeds.isEmpty ? [[]] : seeds
        self.maximumSize = maximumSize
        dictionary = FuzzTokens.all + FuzzTokens.words(in: self.seeds)
        var donors: [String: [[UInt8]]] = [:]
        for seed in self.seeds {
            for member in FuzzBundle(parsing: seed, format: format).members { donors[member.name, default: []].append(member.bytes) }
        }
        self.donors = donors
    }

    /// Input `number` of the run seeded with `seed`.
    package func input(number: UInt64, seed: UInt64) -> [UInt8] {
        let salt = UInt64(FuzzFormat.allCases.firstIndex(of: format) ?? 0) &+ 1
        var random = SeededGenerator(seed: seed &* 0x9E37_79B9_7F4A_7C15 ^ number &* 0xD1B5_4A32_D192_ED03 ^ salt << 56)
        let base = seeds[random.nextIndex(below: seeds.count)]
        let rounds = 1 + random.nextIndex(below: 1 << random.nextIndex(below: 4))
        let names = format.memberNames
        // Bundles are mostly mutated one member at a time, so a run.json stays
        // mostly run.json; sometimes as a whole, which also breaks their headers.
        guard names.count > 1, random.nextIndex(below: 8) != 0 else {
            var bytes = base
            for _ in 0..<rounds { mutate(&bytes, donors: seeds, random: &random) }
            return bytes
        }
        var bundle = FuzzBundle(parsing: base, format: format)
        for _ in 0..<rounds {
            let name = names[random.nextIndex(below: names.count)]
            if random.nextIndex(below: 32) == 0 {
                bundle.members.removeAll { $0.name == name }
                continue
            }
            var bytes = bundle[name] ?? donors[name]?.first ?? []
            mutate(&bytes, donors: donors[name] ?? [], random: &random)
            if let index = bundle.members.firstIndex(where: { $0.name == name }) {
                bundle.members[index].bytes = bytes
            } else {
                bundle.members.append((name, bytes))
            }
        }
        return Array(bundle.bytes.prefix(maximumSize))
    }

    /// Applies one mutation, chosen at random, to `bytes`.
    func mutate(_ bytes: inout [UInt8], donors: [[UInt8]], random: inout SeededGenerator) {
        switch random.nextIndex(below: 14) {
        case 0: FuzzMutations.flipBit(&bytes, &random)
        case 1: FuzzMutations.setByte(&bytes, &random)
        case 2: FuzzMutations.insertRandomBytes(&bytes, &random)
        case 3: FuzzMutations.deleteRange(&bytes, &random)
        case 4: FuzzMutations.duplicateChunk(&bytes, &random)
        case 5: FuzzMutations.repeatChunk(&bytes, &random)
        case 6: FuzzMutations.splice(&bytes, donors: donors, &random)
        case 7, 8: FuzzMutations.insertToken(&bytes, dictionary: dictionary, &random)
        case 9: FuzzMutations.replaceToken(&bytes, dictionary: dictionary, &random)
        case 10: FuzzMutations.replaceNumber(&bytes, &random)
        case 11: FuzzMutations.lineOperation(&bytes, &random)
        case 12: FuzzMutations.insertLongRun(&bytes, &random)
        default: FuzzMutations.truncate(&bytes, &random)
        }
        if bytes.count > maximumSize { bytes.removeLast(bytes.count - maximumSize) }
    }
}
