import Basics

/// The mutations `FuzzMutator` stacks, each a small edit of a byte array.
enum FuzzMutations {
    /// A position in `0...count` (an insertion point).
    static func point(_ bytes: [UInt8], _ random: inout SeededGenerator) -> Int { random.nextIndex(below: bytes.count + 1) }

    /// A range of at most `limit` bytes inside `bytes`, shorter ranges likelier.
    static func range(_ bytes: [UInt8], limit: Int = 256, _ random: inout SeededGenerator) -> Range<Int> {
        guard !bytes.isEmpty else { return 0..<0 }
        let start = random.nextIndex(below: bytes.count)
        let longest = min(limit, bytes.count - start)
        let length = 1 + random.nextIndex(below: 1 + random.nextIndex(below: longest))
        return start..<start + length
    }

    /// An exponent in `0...limit`, small ones likelier: most repetitions stay short, so
    /// inputs stay fast, while the longest still come up (one input in a few hundred).
    static func skewedExponent(_ limit: Int, _ random: inout SeededGenerator) -> Int {
        random.nextIndex(below: random.nextIndex(below: limit + 1) + 1)
    }

    static func flipBit(_ bytes: inout [UInt8], _ random: inout SeededGenerator) {
        guard !bytes.isEmpty else { return }
        bytes[random.nextIndex(below: bytes.count)] ^= 1 << UInt8(random.nextIndex(below: 8))
    }

    static func setByte(_ bytes: inout [UInt8], _ random: inout SeededGenerator) {
        guard !bytes.isEmpty else { return }
        let interesting = FuzzTokens.interestingBytes
        bytes[random.nextIndex(below: bytes.count)] = random.nextIndex(below: 2) == 0
            ? interesting[random.nextIndex(below: interesting.count)] : UInt8(truncatingIfNeeded: random.next())
    }

    static func insertRandomBytes(_ bytes: inout [UInt8], _ random: inout SeededGenerator) {
        let count = 1 + random.nextIndex(below: 8)
        bytes.insert(contentsOf: (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }, at: point(bytes, &random))
    }

    static func deleteRange(_ bytes: inout [UInt8], _ random: inout SeededGenerator) {
        bytes.removeSubrange(range(bytes, limit: max(1, bytes.count / 4), &random))
    }

    static func duplicateChunk(_ bytes: inout [UInt8], _ random: inout SeededGenerator) {
        let chunk = Array(bytes[range(bytes, &random)])
        bytes.insert(contentsOf: chunk, at: point(bytes, &random))
    }

    /// A chunk repeated many times in place: long lines, many keys, deep nesting.
    static func repeatChunk(_ bytes: inout [UInt8], _ random: inout SeededGenerator) {
        let chunkRange = range(bytes, limit: 64, &random)
        let chunk = Array(bytes[chunkRange])
        let times = 2 << skewedExponent(12, &random)
        guard chunk.count * times <= 1 << 18 else { return }
        bytes.insert(contentsOf: Array(repeatElement(chunk, count: times).joined()), at: chunkRange.upperBound)
    }

    /// Part of another seed put into this one, inserted or as a new tail.
    static func splice(_ bytes: inout [UInt8], donors: [[UInt8]], _ random: inout SeededGenerator) {
        guard !donors.isEmpty else { return }
        let donor = donors[random.nextIndex(below: donors.count)]
        if random.nextIndex(below: 2) == 0 {
            bytes.insert(contentsOf: donor[range(donor, limit: 1024, &random)], at: point(bytes, &random))
        } else {
            bytes = Array(bytes[..<point(bytes, &random)]) + donor[point(donor, &random)...]
        }
    }

    static func insertToken(_ bytes: inout [UInt8], dictionary: [[UInt8]], _ random: inout SeededGenerator) {
        bytes.insert(contentsOf: dictionary[random.nextIndex(below: dictionary.count)], at: point(bytes, &random))
    }

    static func replaceToken(_ bytes: inout [UInt8], dictionary: [[UInt8]], _ random: inout SeededGenerator) {
        let target = range(bytes, limit: 16, &random)
        bytes.replaceSubrange(target, with: dictionary[random.nextIndex(below: dictionary.count)])
    }

    /// The number nearest a random place replaced with one at or past a limit.
    static func replaceNumber(_ bytes: inout [UInt8], _ random: inout SeededGenerator) {
        let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        guard !bytes.isEmpty else { return }
        let from = random.nextIndex(below: bytes.count)
        guard var start = bytes[from...].firstIndex(where: isDigit) ?? bytes[..<from].lastIndex(where: isDigit) else { return }
        var end = start
        let isNumberByte = { (byte: UInt8) in isDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") }
        while start > 0, isNumberByte(bytes[start - 1]) || bytes[start - 1] == UInt8(ascii: "-") { start -= 1 }
        while end < bytes.count, isNumberByte(bytes[end]) || bytes[end] == UInt8(ascii: "+") { end += 1 }
        let number = FuzzTokens.numbers[random.nextIndex(below: FuzzTokens.numbers.count)]
        bytes.replaceSubrange(start..<end, with: Array(number.utf8))
    }

    /// A line swapped with, copied over, or deleted, or its indentation changed.
    static func lineOperation(_ bytes: inout [UInt8], _ random: inout SeededGenerator) {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        guard !lines.isEmpty else { return }
        let a = random.nextIndex(below: lines.count), b = random.nextIndex(below: lines.count)
        switch random.nextIndex(below: 5) {
        case 0: lines.swapAt(a, b)
        case 1: lines.insert(lines[a], at: b)
        case 2: lines.remove(at: a)
        case 3: lines[a].insert(contentsOf: repeatElement(UInt8(ascii: " "), count: 1 + random.nextIndex(below: 8)), at: 0)
        default: lines[a].removeFirst(min(lines[a].count, 1 + random.nextIndex(below: 4)))
        }
        bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
    }

    /// A long run of one token: a very long line, thousands of keys or deep nesting.
    static func insertLongRun(_ bytes: inout [UInt8], _ random: inout SeededGenerator) {
        let token = Array(FuzzTokens.repeatable[random.nextIndex(below: FuzzTokens.repeatable.count)].utf8)
        let times = 16 << skewedExponent(12, &random)
        bytes.insert(contentsOf: Array(repeatElement(token, count: times).joined()), at: point(bytes, &random))
    }

    static func truncate(_ bytes: inout [UInt8], _ random: inout SeededGenerator) {
        bytes.removeSubrange(point(bytes, &random)...)
    }
}
