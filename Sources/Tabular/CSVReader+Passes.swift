import Basics
import Foundation

extension CSVReader {
    /// What the first pass learnt: every column's numbers (meaningless for columns
    /// that turned out to hold text), the per-chunk facts, and the ranges used.
    struct NumericPass {
        var numbers: [[Double]]
        var chunks: [ParsedChunk]
        var ranges: [Range<Int>]
        var rowCount: Int
        /// Whether the file's pages were handed back (a second pass must reload them).
        var releasedPages: Bool
    }

    /// Parses every chunk with all columns as numbers, re-reading in order when a
    /// chunk boundary turns out to split a quoted field; throws the first error.
    /// With few enough columns the numbers go straight into the table's arrays.
    /// Parsed pages of `file` are handed back as the parse goes.
    static func numericPass(
        _ bytes: UnsafeBufferPointer<UInt8>, _ ranges: [Range<Int>], parser: CSVChunkParser,
        header: CSVHeader, fileName: String, file: FileContents? = nil
    ) throws -> NumericPass {
        let columnCount = header.names.count
        var ranges = ranges
        var bounds = recordBounds(bytes, ranges)
        var chunks: [ParsedChunk] = []
        var released = false
        let modes = Array(repeating: CSVChunkParser.Mode.numeric, count: columnCount)
        func parseAll(_ numbers: (Int) -> ChunkNumbers) throws {
            chunks = parseChunks(bytes, ranges, parser, modes: modes, releasingPagesOf: file, numbers: numbers)
            released = file != nil
            if chunks.contains(where: { if case .crossedChunkEnd = $0.stop { true } else { false } }) {
                ranges = [ranges[0].lowerBound..<ranges[ranges.count - 1].upperBound]
                bounds = [bounds.reduce(0, +)]
                if released, let file {
                    try file.reload()
                    // The arrays hold as many records as the first reading had line feeds;
                    // a file rewritten meanwhile may have more.
                    guard recordBounds(bytes, ranges) == bounds else { throw changedWhileRead(fileName) }
                }
                released = false
                chunks = parseChunks(bytes, ranges, parser, modes: modes, numbers: numbers)
            }
            if let diagnostic = firstError(in: chunks, header: header, fileName: fileName) { throw diagnostic }
        }
        let capacity = bounds.reduce(0, +)
        if columnCount <= ColumnArrays.maximumCount {
            let numbers = try ColumnArrays.make(count: columnCount, capacity: capacity) { starts in
                try parseAll { index in
                    let offset = bounds[..<index].reduce(0, +)
                    return ChunkNumbers(writingTo: starts.map { $0 + offset }, capacity: bounds[index])
                }
                return closeGaps(in: starts, chunks: chunks, bounds: bounds)
            }
            return NumericPass(numbers: numbers, chunks: chunks, ranges: ranges, rowCount: chunks.reduce(0) { $0 + $1.records },
                               releasedPages: released)
        }
        try parseAll { index in ChunkNumbers(owning: modes.map { $0 == .numeric }, capacity: bounds[index]) }
        let numbers = Parallel.map(columnCount, threads: Parallel.processorCount) { column in
            concatenate(chunks.map { $0.numbers.values(of: column, rows: $0.records) })
        }
        return NumericPass(numbers: numbers, chunks: chunks, ranges: ranges, rowCount: chunks.reduce(0) { $0 + $1.records },
                           releasedPages: released)
    }

    /// The error for a file whose bytes differ between two readings.
    static func changedWhileRead(_ fileName: String) -> Diagnostic {
        Diagnostic.failure("'\(fileName)' changed while it was read",
                         hint: "another program is writing it; read it again once that program is done")
    }

    /// Parses every chunk again, keeping the text of the `textual` columns as
    /// categories (nil for the other columns).
    static func textPass(
        _ bytes: UnsafeBufferPointer<UInt8>, _ ranges: [Range<Int>], parser: CSVChunkParser, textual: [Bool]
    ) -> [CategoryColumn?] {
        let modes = textual.map { $0 ? CSVChunkParser.Mode.text : .skip }
        let bounds = recordBounds(bytes, ranges)
        let chunks = parseChunks(bytes, ranges, parser, modes: modes) { index in
            ChunkNumbers(owning: Array(repeating: false, count: textual.count), capacity: bounds[index])
        }
        return Parallel.map(textual.count, threads: Parallel.processorCount) { column in
            textual[column] ? merge(chunks.map { $0.texts[column] }) : nil
        }
    }

    /// The most records each range can hold: one per line feed, plus one when the
    /// range does not end with a line feed (a last record without one).
    private static func recordBounds(_ bytes: UnsafeBufferPointer<UInt8>, _ ranges: [Range<Int>]) -> [Int] {
        Parallel.map(ranges.count, threads: Parallel.processorCount) { index in
            let range = ranges[index]
            return lineFeeds(in: UnsafeBufferPointer(rebasing: bytes[range]))
                + (range.isEmpty || bytes[range.upperBound - 1] == CSVScanner.lineFeed ? 0 : 1)
        }
    }

    /// The number of line feeds in `bytes`, found with `memchr`, which scans many
    /// bytes per instruction; a loop over bytes took a seventh of the reading time.
    private static func lineFeeds(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let end = base + bytes.count
        var count = 0
        var p = base
        while p < end, let found = memchr(p, Int32(CSVScanner.lineFeed), end - p) {
            count += 1
            p = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return count
    }

    /// Parses every range at the same time, each into its own result; with `file`,
    /// each chunk's pages are handed back once it is parsed.
    private static func parseChunks(
        _ bytes: UnsafeBufferPointer<UInt8>, _ ranges: [Range<Int>], _ parser: CSVChunkParser,
        modes: [CSVChunkParser.Mode], releasingPagesOf file: FileContents? = nil, numbers: (Int) -> ChunkNumbers
    ) -> [ParsedChunk] {
        Parallel.map(ranges.count, threads: Parallel.processorCount) { index in
            let chunk = UnsafeBufferPointer(rebasing: bytes[ranges[index]])
            let parsed = parser.parse(chunk, modes: modes, numbers: numbers(index), isLast: index == ranges.count - 1)
            file?.release(chunk)
            return parsed
        }
    }

    /// Moves each chunk's rows down to follow the previous chunk's, where blank lines
    /// or line breaks inside quotes left a chunk with fewer records than its bound;
    /// returns the number of rows.
    private static func closeGaps(in starts: [UnsafeMutablePointer<Double>], chunks: [ParsedChunk], bounds: [Int]) -> Int {
        var reserved = 0, written = 0
        for (chunk, bound) in zip(chunks, bounds) {
            if reserved != written {
                for start in starts { memmove(start + written, start + reserved, chunk.records * MemoryLayout<Double>.stride) }
            }
            reserved += bound
            written += chunk.records
        }
        return written
    }

    /// The chunks' numbers one after another, copied once into the final array.
    private static func concatenate(_ parts: [UnsafeBufferPointer<Double>]) -> [Double] {
        let total = parts.reduce(0) { $0 + $1.count }
        return [Double](unsafeUninitializedCapacity: total) { buffer, initialized in
            var offset = 0
            for part in parts where !part.isEmpty {
                (buffer.baseAddress! + offset).initialize(from: part.baseAddress!, count: part.count)
                offset += part.count
            }
            initialized = total
        }
    }
}
