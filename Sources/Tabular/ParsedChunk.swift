/// What parsing one chunk of a CSV file produced, before chunks are joined.
///
/// Positions are relative to the chunk (record 0 is its first record, line 0 its
/// first line); the reader adds the counts of the chunks before it.
struct ParsedChunk {
    /// Why parsing stopped before the end of the chunk.
    enum Stop {
        /// A record with `fields` fields where the header has a different count.
        case raggedRecord(record: Int, line: Int, fields: Int)
        /// A quote opened in field `field` and never closed.
        case unterminatedQuote(record: Int, line: Int, field: Int)
        /// Text between a closing quote and the end of field `field`.
        case textAfterQuote(record: Int, line: Int, field: Int)
        /// A quoted field ran past the end of a chunk that is not the last, so the
        /// chunk boundary was not a record boundary: the file must be read in order.
        case crossedChunkEnd
    }

    /// Per column, its numbers (only meaningful for columns that stayed numeric).
    var numbers: ChunkNumbers
    /// Per column, its text as codes (only filled for columns parsed as text).
    var texts: [ChunkCategories]
    /// Per column, whether some cell was neither a number nor a missing-value token.
    var textual: [Bool]
    /// Complete records parsed.
    var records = 0
    /// Line feeds consumed, including those inside quoted fields.
    var lineFeeds = 0
    /// Set when parsing stopped early.
    var stop: Stop?

    init(columnCount: Int, numbers: ChunkNumbers) {
        self.numbers = numbers
        texts = Array(repeating: ChunkCategories(), count: columnCount)
        textual = Array(repeating: false, count: columnCount)
    }
}
