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
                return Diagnostic.failure(
                    "row \(row(record)) has \(fields) \(fields == 1 ? "field" : "fields"), expected \(columnCount)",
                    at: location(line, min(fields, columnCount) + 1), hint: hint)
            case .unterminatedQuote(let record, let line, let field):
                return Diagnostic.failure(
                    "row \(row(record)): the quote that opens field \(field + 1) is never closed",
                    at: location(line, field + 1),
                    hint: "close the quoted field with \", and write a quote inside it as \"\"")
            case .textAfterQuote(let record, let line, let field):
                return Diagnostic.failure(
                    "row \(row(record)): text follows the closing quote of field \(field + 1)",
                    at: location(line, field + 1), hint: "write a quote inside a quoted field as \"\"")
            case .crossedChunkEnd:
                return nil  // not an error: the caller re-reads in order before asking
            }
        }
        return nil
    }
}
