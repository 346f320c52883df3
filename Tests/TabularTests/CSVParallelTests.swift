import Basics
import Foundation
import Tabular
import Testing

/// The chunked reader must give exactly what one sequential pass gives, wherever
/// the chunk boundaries fall.
@Suite struct CSVParallelTests {
    static let sequential = CSVReadOptions(chunkSize: Int.max)

    /// A file with numbers, missing cells, quoted fields with delimiters and line
    /// breaks, CRLF rows, and a column that only turns out to be text near the end.
    static func generatedCSV(rows: Int, seed: UInt64) -> String {
        var generator = SeededGenerator(seed: seed)
        var text = "id,value,\"label, quoted\",late text,note\n"
        for row in 0..<rows {
            let value = generator.nextUnit() < 0.1 ? "NA" : String(format: "%.17g", generator.nextUnit() * 1000 - 500)
            let label: String
            switch generator.nextIndex(below: 4) {
            case 0: label = "\"multi\nline \"\"\(row)\"\"\""
            case 1: label = "\"a,b\""
            case 2: label = ""
            default: label = "plain\(row)"
            }
            let late = row == rows - 3 ? "oops" : String(row % 7)
            let note = generator.nextIndex(below: 3) == 0 ? "\"\"" : "n\(row)"
            text += "\(row),\(value),\(label),\(late),\(note)" + (row % 5 == 0 ? "\r\n" : "\n")
        }
        return text
    }

    @Test(arguments: [7, 64, 1000, 4096])
    func chunkedReadEqualsSequentialRead(chunkSize: Int) throws {
        let csv = Self.generatedCSV(rows: 3000, seed: 11)
        let expected = try CSVReader.read(string: csv, options: Self.sequential)
        #expect(expected.rowCount == 3000)
        #expect(expected["late text"]?.isNumeric == false)
        #expect(expected["value"]?.isNumeric == true)
        let chunked = try CSVReader.read(string: csv, options: CSVReadOptions(chunkSize: chunkSize))
        #expect(chunked == expected)
    }

    @Test(arguments: [16, 333])
    func quoteFreeFileSplitsAtAnyLineFeed(chunkSize: Int) throws {
        var csv = "x,y\n"
        for row in 0..<5000 { csv += "\(row),\(Double(row) / 7)\n" }
        let chunked = try CSVReader.read(string: csv, options: CSVReadOptions(chunkSize: chunkSize))
        #expect(chunked == (try CSVReader.read(string: csv, options: Self.sequential)))
        #expect(chunked.numericColumnNames == ["x", "y"])
        #expect(try chunked.numericColumn(named: "x") == (0..<5000).map(Double.init))
    }

    @Test(arguments: [3, 256, 300])
    func wideAndNarrowTablesWithBlankLinesReadTheSame(columns: Int) throws {
        // Past a few hundred columns chunks parse into their own buffers, not the table's.
        var csv = (0..<columns).map { "c\($0)" }.joined(separator: ",") + "\n"
        for row in 0..<400 {
            csv += (0..<columns).map { column in column == 1 && row == 399 ? "text" : "\(row * columns + column)" }
                .joined(separator: ",") + (row % 9 == 0 ? "\n\n" : "\n")
        }
        let chunked = try CSVReader.read(string: csv, options: CSVReadOptions(chunkSize: 512))
        #expect(chunked == (try CSVReader.read(string: csv, options: Self.sequential)))
        #expect(chunked.rowCount == 400)
        #expect(try chunked.numericColumn(named: "c0") == (0..<400).map { Double($0 * columns) })
        #expect(chunked["c1"]?.stringValues?.last == "text")
    }

    @Test func strayQuotesThatBreakParityStillReadCorrectly() throws {
        // `5'3"` holds a quote outside a quoted field: counting quotes then guesses
        // wrong boundaries, and the reader must notice and read in order instead.
        var csv = "height,comment\n"
        for row in 0..<2000 {
            csv += row % 97 == 0 ? "5'3\",\"quoted,\nfield\"\n" : "\(row),\"c\(row)\"\n"
        }
        let chunked = try CSVReader.read(string: csv, options: CSVReadOptions(chunkSize: 50))
        #expect(chunked == (try CSVReader.read(string: csv, options: Self.sequential)))
        #expect(chunked.rowCount == 2000)
    }

    @Test func aLastRecordLongerThanTheChunksIsWalkedOnce() throws {
        // Every cut guessed inside the last record walked to the end of the file to find
        // no boundary before it: quadratic, hours for this one (found by sluice-fuzz).
        let csv = "id,text\n1,a\n2,\"" + String(repeating: "x", count: 1 << 20) + "\"\n"
        let chunked = try CSVReader.read(string: csv, options: CSVReadOptions(chunkSize: 16))
        #expect(chunked == (try CSVReader.read(string: csv, options: Self.sequential)))
        #expect(chunked.rowCount == 2)
    }

    @Test(arguments: [(1500, "2"), (2999, "1"), (10, "x,y,z")])
    func errorsInLaterChunksNameTheFileRowAndLine(badRow: Int, fields: String) throws {
        var csv = "a,b\n"
        for row in 0..<3000 { csv += row == badRow ? "\(fields)\n" : "\(row),\(row)\n" }
        let sequentialError = #expect(throws: Diagnostic.self) {
            try CSVReader.read(string: csv, fileName: "big.csv", options: Self.sequential)
        }
        let chunkedError = #expect(throws: Diagnostic.self) {
            try CSVReader.read(string: csv, fileName: "big.csv", options: CSVReadOptions(chunkSize: 100))
        }
        #expect(chunkedError == sequentialError)
        let count = fields.split(separator: ",").count
        #expect(chunkedError?.description
            == "big.csv:\(badRow + 2):\(min(count, 2) + 1): error: row \(badRow + 2) has \(count) \(count == 1 ? "field" : "fields"), expected 2")
    }

    @Test func unterminatedQuoteInTheLastChunkPointsAtItsStart() throws {
        var csv = "a,b\n"
        for row in 0..<500 { csv += "\(row),x\n" }
        csv += "1,\"never closed\n2,3\n"
        let error = #expect(throws: Diagnostic.self) {
            try CSVReader.read(string: csv, fileName: "q.csv", options: CSVReadOptions(chunkSize: 64))
        }
        #expect(error?.description == "q.csv:502:2: error: row 502: the quote that opens field 2 is never closed")
    }
}
