import Basics
import Foundation

/// Reads RFC 4180 CSV text into a `Table`, in parallel chunks.
///
/// The first record is the header. A column is numeric when every cell that is
/// not a missing-value token is a number, and text otherwise. Errors name the file,
/// the physical line, the field number and the row, counting rows as a spreadsheet
/// shows them (the header is row 1; blank lines, which are skipped, are not rows).
public enum CSVReader {
    /// Reads the file at `path`, naming it `displayName` (default: `path`) in errors.
    public static func read(path: String, displayName: String? = nil, options: CSVReadOptions = .init()) throws -> Table {
        let name = displayName ?? path
        return try MappedFile.withBytes(ofFile: path, displayName: name) { try read(bytes: $0, fileName: name, options: options) }
    }

    /// Reads CSV held in a string, naming it `fileName` in errors.
    public static func read(string: String, fileName: String = "<csv>", options: CSVReadOptions = .init()) throws -> Table {
        var string = string
        return try string.withUTF8 { try read(bytes: $0, fileName: fileName, options: options) }
    }

    /// Reads CSV bytes, naming them `fileName` in errors.
    public static func read(
        bytes: UnsafeBufferPointer<UInt8>, fileName: String, options: CSVReadOptions = .init()
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
        var ranges = CSVSplitter.chunks(of: bytes, in: data, chunkSize: chunkSize)
        let recordLength = averageRecordLength(bytes, in: data)
        let numericModes = Array(repeating: CSVChunkParser.Mode.numeric, count: header.names.count)
        var chunks = parseChunks(bytes, ranges, parser, modes: numericModes, recordLength: recordLength)
        if chunks.contains(where: { if case .crossedChunkEnd = $0.stop { true } else { false } }) {
            ranges = [data]
            chunks = parseChunks(bytes, ranges, parser, modes: numericModes, recordLength: recordLength)
        }
        if let diagnostic = firstError(in: chunks, header: header, fileName: fileName) { throw diagnostic }
        let textual = (0..<header.names.count).map { column in chunks.contains { $0.textual[column] } }
        var textChunks: [ParsedChunk] = []
        if textual.contains(true) {
            let modes = textual.map { $0 ? CSVChunkParser.Mode.text : .skip }
            textChunks = parseChunks(bytes, ranges, parser, modes: modes, recordLength: recordLength)
        }
        return assemble(names: header.names, textual: textual, numberChunks: chunks, textChunks: textChunks)
    }

    /// The delimiter as a byte; throws unless it is one ASCII character that can separate fields.
    static func delimiterByte(_ delimiter: Character) throws -> UInt8 {
        guard let byte = delimiter.asciiValue, byte != CSVScanner.quote, byte != CSVScanner.lineFeed,
              byte != CSVScanner.carriageReturn
        else {
            throw Diagnostic.error(
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

    /// Bytes per record in the first 64 KiB, to size the column buffers up front.
    private static func averageRecordLength(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Int {
        let sample = range.lowerBound..<min(range.upperBound, range.lowerBound + 65_536)
        let lineFeeds = sample.reduce(0) { $0 + (bytes[$1] == CSVScanner.lineFeed ? 1 : 0) }
        return max(1, sample.count / max(1, lineFeeds))
    }

    /// Parses every range at the same time, each into its own result.
    private static func parseChunks(
        _ bytes: UnsafeBufferPointer<UInt8>, _ ranges: [Range<Int>], _ parser: CSVChunkParser,
        modes: [CSVChunkParser.Mode], recordLength: Int
    ) -> [ParsedChunk] {
        Parallel.map(ranges.count) { index in
            let range = ranges[index]
            return parser.parse(
                UnsafeBufferPointer(rebasing: bytes[range]), modes: modes, isLast: index == ranges.count - 1,
                expectedRecords: range.count / recordLength + 16)
        }
    }
}
