import Basics
import Foundation

extension CSVReader {
    /// The diagnostic for the first chunk (in file order) that stopped on an error,
    /// with chunk-relative rows and lines turned into the file's own.
    static func firstError(in chunks: [ParsedChunk], header: CSVHeader, fileName: String) -> Diagnostic? {
        let columnCount = header.names.count
        var recordsBefore = 0, lineFeedsBefore = 0
        for chunk in chunks {
            defer { recordsBefore += chunk.records; lineFeedsBefore += chunk.lineFeeds }
            guard let stop = chunk.stop else { continue }
            // Row 1 is the header, so a chunk's record r is row 2 + records before it + r.
            func row(_ record: Int) -> Int { 2 + recordsBefore + record }
            func location(_ line: Int, _ column: Int) -> SourceLocation {
                SourceLocation(file: fileName, line: header.dataLine + lineFeedsBefore + line, column: column)
            }
            switch stop {
            case .raggedRecord(let record, let line, let fields):
                let hint = fields < columnCount
                    ? "every row needs \(columnCount) fields; leave a field empty for a missing value"
                    : "quote fields that contain the delimiter, or remove the extra fields"
                return Diagnostic.error(
                    "row \(row(record)) has \(fields) \(fields == 1 ? "field" : "fields"), expected \(columnCount)",
                    at: location(line, min(fields, columnCount) + 1), hint: hint)
            case .unterminatedQuote(let record, let line, let field):
                return Diagnostic.error(
                    "row \(row(record)): the quote that opens field \(field + 1) is never closed",
                    at: location(line, field + 1),
                    hint: "close the quoted field with \", and write a quote inside it as \"\"")
            case .textAfterQuote(let record, let line, let field):
                return Diagnostic.error(
                    "row \(row(record)): text follows the closing quote of field \(field + 1)",
                    at: location(line, field + 1), hint: "write a quote inside a quoted field as \"\"")
            case .crossedChunkEnd:
                return nil  // not an error: the caller re-reads in order before asking
            }
        }
        return nil
    }

    /// Joins the chunks' per-column buffers into one table, a column per processor at a time.
    static func assemble(
        names: [String], textual: [Bool], numberChunks: [ParsedChunk], textChunks: [ParsedChunk]
    ) -> Table {
        let rowCount = numberChunks.reduce(0) { $0 + $1.records }
        let columns = Parallel.map(names.count) { column in
            textual[column]
                ? Column.string(concatenate(textChunks.map { $0.texts[column] }))
                : Column.numeric(concatenate(numberChunks.map { $0.numbers.values(of: column, rows: $0.records) }))
        }
        return Table(validatedNames: names, columns: columns, rowCount: rowCount)
    }

    /// The parts one after another.
    private static func concatenate<T>(_ parts: [[T]]) -> [T] {
        if parts.count == 1 { return parts[0] }
        var result: [T] = []
        result.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { result.append(contentsOf: part) }
        return result
    }

    /// The chunks' numbers one after another, copied once into the final array.
    private static func concatenate(_ parts: [UnsafeBufferPointer<Double>]) -> [Double] {
        let total = parts.reduce(0) { $0 + $1.count }
        return [Double](unsafeUninitializedCapacity: total) { buffer, initialized in
            if let base = buffer.baseAddress {
                HugePages.advise(UnsafeMutableRawPointer(base), byteCount: total * MemoryLayout<Double>.stride)
            }
            var offset = 0
            for part in parts where !part.isEmpty {
                (buffer.baseAddress! + offset).initialize(from: part.baseAddress!, count: part.count)
                offset += part.count
            }
            initialized = total
        }
    }
}
