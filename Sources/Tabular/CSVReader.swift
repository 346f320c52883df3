import Basics
import Foundation

/// Reads RFC 4180 CSV text into a `Table`, in parallel chunks.
///
/// The first record is the header. A column is numeric when every cell that is
/// not a missing-value token is a number (a column with no values at all is
/// numeric too); otherwise its type is inferred from all its distinct values:
/// boolean (`true/false/yes/no`, read as 1/0), datetime (ISO 8601), else category.
/// `CSVReadOptions.schema` overrides inference per column. Errors name the file,
/// the physical line, the field number and the row, counting rows as a spreadsheet
/// shows them (the header is row 1; blank lines, which are skipped, are not rows).
package enum CSVReader {
    /// Reads the file at `path`, naming it `displayName` (default: `path`) in errors.
    package static func read(path: String, displayName: String? = nil, options: CSVReadOptions = .init()) throws -> Table {
        let name = displayName ?? path
        return try FileContents.withContents(ofFile: path, displayName: name) { file in
            try read(bytes: file.bytes, fileName: name, options: options, file: file)
        }
    }

    /// Reads CSV held in a string, naming it `fileName` in errors.
    package static func read(string: String, fileName: String = "<csv>", options: CSVReadOptions = .init()) throws -> Table {
        var string = string
        return try string.withUTF8 { try read(bytes: $0, fileName: fileName, options: options) }
    }

    /// Reads CSV bytes, naming them `fileName` in errors.
    package static func read(
        bytes: UnsafeBufferPointer<UInt8>, fileName: String, options: CSVReadOptions = .init()
    ) throws -> Table {
        try read(bytes: bytes, fileName: fileName, options: options, file: nil)
    }

    /// Reads CSV bytes; when they are the contents of `file`, the pages of each chunk
    /// are handed back once the chunk is parsed, so the file and the table it becomes
    /// are not both resident at the end (and read again for a second pass).
    static func read(
        bytes: UnsafeBufferPointer<UInt8>, fileName: String, options: CSVReadOptions, file: FileContents?
    ) throws -> Table {
        let delimiter = try delimiterByte(options.delimiter)
        var start = 0
        // A UTF-8 byte order mark is not part of the first column's name.
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        let header = try CSVHeader.read(bytes, from: start, delimiter: delimiter, fileName: fileName)
        let parser = CSVChunkParser(
            columnCount: header.names.count, delimiter: delimiter, missing: MissingTokens(options.missingTokens))
        let data = header.dataStart..<bytes.count
        let chunkSize = options.chunkSize ?? automaticChunkSize(byteCount: data.count)
        let pass = try numericPass(
            bytes, CSVSplitter.chunks(of: bytes, in: data, chunkSize: chunkSize), parser: parser,
            header: header, fileName: fileName, file: file)
        let schema = try schemaByColumn(options.schema, header: header, fileName: fileName, optional: options.optionalSchemaColumns)
        let textual = (0..<header.names.count).map { column in
            schema[column]?.needsText == true || pass.chunks.contains { $0.textual[column] }
        }
        var texts: [CategoryColumn?] = []
        if textual.contains(true) {
            if pass.releasedPages { try file?.reload() }
            texts = textPass(bytes, pass.ranges, parser: parser, textual: textual)
            // Read again, a file rewritten meanwhile may hold other records: never mix the two.
            guard texts.allSatisfy({ $0 == nil || $0?.count == pass.rowCount }) else { throw changedWhileRead(fileName) }
        }
        let columns = try (0..<header.names.count).map { column in
            guard textual[column], let text = texts[column] else { return Column.numeric(pass.numbers[column]) }
            return try typedColumn(
                text, schema: schema[column], place: CellPlace(fileName: fileName, column: header.names[column], field: column + 1))
        }
        return Table(validatedNames: header.names, columns: columns, rowCount: pass.rowCount)
    }

    /// The delimiter as a byte; throws unless it is one ASCII character that can separate fields.
    static func delimiterByte(_ delimiter: Character) throws -> UInt8 {
        guard let byte = delimiter.asciiValue, byte != CSVScanner.quote, byte != CSVScanner.lineFeed,
              byte != CSVScanner.carriageReturn
        else {
            throw Diagnostic.failure(
                "the CSV delimiter '\(delimiter)' cannot separate fields",
                hint: "use one ASCII character other than a quote or a line break, such as ',' ';' or a tab")
        }
        return byte
    }

    /// About four chunks per processor so a slow chunk does not leave a core idle,
    /// but at least 1 MiB so small files are parsed without thread hand-offs.
    static func automaticChunkSize(byteCount: Int) -> Int {
        let processors = ProcessInfo.processInfo.activeProcessorCount
        return max(1 << 20, byteCount / max(1, processors * 4) + 1)
    }
}
