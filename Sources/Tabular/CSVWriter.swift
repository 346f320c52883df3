import Basics
import Foundation

/// Writes a `Table` as RFC 4180 CSV that `CSVReader` reads back to the same values.
///
/// Numbers are written in the shortest form that reads back to the identical
/// double; whole numbers below 2^53 are written without a fraction (`3`, not
/// `3.0`), because integer-valued columns (counts, labels, ids) should look like
/// what a person or pandas wrote. Dates are written as `DateTimeFormatter` spells
/// them. Missing cells are written as empty fields.
/// Fields are quoted only when they must be: when they hold the delimiter, a quote
/// or a line break, or start or end with a space or tab, which readers may trim.
package enum CSVWriter {
    /// The CSV text of `table`: a header line, then one line per row, each ending in LF.
    package static func data(_ table: Table, delimiter: Character = ",") throws -> Data {
        let separator = try CSVReader.delimiterByte(delimiter)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64 + table.rowCount * table.columnCount * 12)
        let lone = table.columnCount == 1
        for (index, name) in table.columnNames.enumerated() {
            if index > 0 { bytes.append(separator) }
            appendField(name, to: &bytes, separator: separator, isOnlyField: lone)
        }
        bytes.append(CSVScanner.lineFeed)
        for row in 0..<table.rowCount {
            for (index, column) in table.columns.enumerated() {
                if index > 0 { bytes.append(separator) }
                switch column {
                case .numeric(let values):
                    appendNumber(values[row], to: &bytes, isOnlyField: lone)
                case .category(let column):
                    appendField(column.value(at: row) ?? "", to: &bytes, separator: separator, isOnlyField: lone)
                case .datetime(let values):
                    appendField(DateTimeFormatter.format(values[row]), to: &bytes, separator: separator, isOnlyField: lone)
                }
            }
            bytes.append(CSVScanner.lineFeed)
        }
        return Data(bytes)
    }

    /// The CSV text of `table` as a string.
    package static func string(_ table: Table, delimiter: Character = ",") throws -> String {
        String(decoding: try data(table, delimiter: delimiter), as: UTF8.self)
    }

    /// Writes `table` to `path` atomically: a reader sees the old file or the new, never half.
    package static func write(_ table: Table, to path: String, delimiter: Character = ",") throws {
        try AtomicFile.write(data(table, delimiter: delimiter), to: path)
    }

    /// The text of a number as this writer spells it (empty for NaN).
    package static func format(_ value: Double) -> String {
        if value.isNaN { return "" }
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        if value == value.rounded(.towardZero) && abs(value) < 0x1p53 { return String(Int64(value)) }
        return value.description
    }

    private static func appendNumber(_ value: Double, to bytes: inout [UInt8], isOnlyField: Bool) {
        // An empty only field would make a blank line, which readers skip: quote it.
        if value.isNaN && isOnlyField { bytes.append(contentsOf: [CSVScanner.quote, CSVScanner.quote]); return }
        bytes.append(contentsOf: format(value).utf8)
    }

    private static func appendField(_ text: String, to bytes: inout [UInt8], separator: UInt8, isOnlyField: Bool) {
        let utf8 = text.utf8
        let needsQuotes = (utf8.isEmpty && isOnlyField)
            || utf8.contains { $0 == separator || $0 == CSVScanner.quote || $0 == CSVScanner.lineFeed || $0 == CSVScanner.carriageReturn }
            || utf8.first.map(isBlank) == true || utf8.last.map(isBlank) == true
        guard needsQuotes else { bytes.append(contentsOf: utf8); return }
        bytes.append(CSVScanner.quote)
        for byte in utf8 {
            bytes.append(byte)
            if byte == CSVScanner.quote { bytes.append(CSVScanner.quote) }
        }
        bytes.append(CSVScanner.quote)
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
}
