import Basics

/// The header record of a CSV file: the column names and where the data starts.
struct CSVHeader {
    /// The column names, unique.
    var names: [String]
    /// The offset of the first byte after the header record.
    var dataStart: Int
    /// The 1-based physical line the header starts on (after any blank lines).
    var line: Int
    /// The physical line the first data record can start on.
    var dataLine: Int

    /// Reads the header record that starts at or after `start` (blank lines are skipped).
    static func read(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, delimiter: UInt8, fileName: String
    ) throws -> CSVHeader {
        guard let base = bytes.baseAddress else { throw emptyFile(fileName) }
        let scanner = CSVScanner(end: base + bytes.count, delimiter: delimiter)
        var p = base + start
        var line = 1
        while p < scanner.end && (p.pointee == CSVScanner.lineFeed || p.pointee == CSVScanner.carriageReturn) {
            if p.pointee == CSVScanner.lineFeed { line += 1 }
            p += 1
        }
        guard p < scanner.end else { throw emptyFile(fileName) }
        let headerLine = line
        var names: [String] = []
        var terminator = CSVScanner.Terminator.delimiter
        while terminator == .delimiter {
            let fieldEnd: UnsafePointer<UInt8>
            if p < scanner.end && p.pointee == CSVScanner.quote {
                guard let quoted = scanner.quotedField(at: p) else {
                    throw Diagnostic.failure(
                        "row 1: the quote that opens column name \(names.count + 1) is never closed",
                        at: SourceLocation(file: fileName, line: line, column: names.count + 1),
                        hint: "close the quoted name with \", and write a quote inside it as \"\"")
                }
                line += quoted.lineFeeds
                fieldEnd = quoted.closingQuote + 1
                guard scanner.isFieldEnd(fieldEnd) else {
                    throw Diagnostic.failure(
                        "row 1: text follows the closing quote of column name \(names.count + 1)",
                        at: SourceLocation(file: fileName, line: line, column: names.count + 1),
                        hint: "write a quote inside a quoted field as \"\"")
                }
                names.append(CSVScanner.text(of: quoted))
            } else {
                fieldEnd = scanner.unquotedFieldEnd(from: p)
                names.append(String(decoding: UnsafeBufferPointer(start: p, count: fieldEnd - p), as: UTF8.self))
            }
            (terminator, p) = scanner.terminate(at: fieldEnd)
        }
        if terminator == .lineEnd { line += 1 }
        try checkUnique(names, fileName: fileName, line: headerLine)
        return CSVHeader(names: names, dataStart: p - base, line: headerLine, dataLine: line)
    }

    /// Throws for the first name that repeats an earlier one, pointing at the repeat.
    private static func checkUnique(_ names: [String], fileName: String, line: Int) throws {
        var firstField: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            if let earlier = firstField[name] {
                throw Diagnostic.failure(
                    "column name '\(name)' appears twice in the header (fields \(earlier + 1) and \(index + 1))",
                    at: SourceLocation(file: fileName, line: line, column: index + 1),
                    hint: "rename one of the columns so that every name is unique")
            }
            firstField[name] = index
        }
    }

    private static func emptyFile(_ fileName: String) -> Diagnostic {
        Diagnostic.failure(
            "the file is empty, expected a header row with column names",
            at: SourceLocation(file: fileName, line: 1, column: 1),
            hint: "the first line of a CSV file names its columns, separated by the delimiter")
    }
}
