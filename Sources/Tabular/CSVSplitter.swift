import Basics
import Foundation

/// Chooses where to cut a CSV file's records into chunks that can be parsed at the same time.
///
/// A cut must fall just after a line feed that ends a record, not one inside a
/// quoted field. Without any quote in the file every line feed qualifies. With
/// quotes, a line feed ends a record when an even number of quotes precede it
/// (doubled quotes count twice, so they keep the parity); the quotes are counted
/// per segment in parallel and added up. A quote inside an unquoted field breaks
/// this rule; the chunk parser notices (a quoted field crosses a cut) and the
/// reader then parses the file in order, so a wrong guess costs time, never data.
enum CSVSplitter {
    /// Byte ranges covering `range` of `bytes`, each starting at a record boundary,
    /// about `chunkSize` bytes long.
    static func chunks(of bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>, chunkSize: Int) -> [Range<Int>] {
        let count = range.count
        guard let base = bytes.baseAddress, chunkSize > 0, count > chunkSize else { return [range] }
        let pieces = (count + chunkSize - 1) / chunkSize
        let guesses = (1..<pieces).map { range.lowerBound + $0 * chunkSize }
        let bounds = [range.lowerBound] + guesses
        let segments = zip(bounds, guesses + [range.upperBound]).map { $0..<$1 }
        let hasQuote = Parallel.map(segments.count, threads: Parallel.processorCount) { index in
            memchr(base + segments[index].lowerBound, Int32(CSVScanner.quote), segments[index].count) != nil
        }.contains(true)
        var parities = Array(repeating: 0, count: guesses.count)
        if hasQuote {
            let counts = countQuotes(base, in: Array(segments.dropLast()))
            var running = 0
            for (index, segment) in counts.enumerated() {
                running += segment
                parities[index] = running & 1
            }
        }
        var cuts: [Int] = [range.lowerBound]
        for (guess, parity) in zip(guesses, parities) {
            // A walk from the previous guess may have passed this one; a cut has even parity.
            let (from, parity) = cuts.last! > guess ? (cuts.last!, 0) : (guess, parity)
            // No boundary before the end means none for any later guess either: each would
            // walk to the end again, quadratic in a last record longer than the chunks.
            guard let cut = recordBoundary(base, from: from, to: range.upperBound, quoteParity: parity),
                  cut < range.upperBound else { break }
            if cut > cuts.last! { cuts.append(cut) }
        }
        cuts.append(range.upperBound)
        return zip(cuts, cuts.dropFirst()).map { $0..<$1 }
    }

    /// The position just after the first line feed at or after `from` that ends a
    /// record, given the parity of the quotes before `from`.
    private static func recordBoundary(
        _ base: UnsafePointer<UInt8>, from: Int, to end: Int, quoteParity: Int
    ) -> Int? {
        var parity = quoteParity
        var i = from
        while i < end {
            let c = base[i]
            if c == CSVScanner.quote { parity ^= 1 }
            if c == CSVScanner.lineFeed && parity == 0 { return i + 1 }
            i += 1
        }
        return nil
    }

    /// The number of quotes in each of `segments`, counted in parallel.
    private static func countQuotes(_ base: UnsafePointer<UInt8>, in segments: [Range<Int>]) -> [Int] {
        Parallel.map(segments.count, threads: Parallel.processorCount) { index in
            var total = 0
            for i in segments[index] where base[i] == CSVScanner.quote { total += 1 }
            return total
        }
    }
}
