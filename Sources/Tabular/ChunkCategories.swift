/// One chunk's text cells of one column, as codes into a dictionary local to the chunk.
///
/// The reader merges the chunks' dictionaries into the column's own and renumbers
/// the codes, so each distinct value is kept once per chunk, not once per cell.
struct ChunkCategories {
    /// One code per record: an index into `values`, or `CategoryColumn.missingCode`.
    var codes: [UInt32] = []
    /// The distinct values in the order first seen.
    var values: [String] = []
    private var index: [String: UInt32] = [:]

    /// Appends a cell holding `text`.
    mutating func append(_ text: String) {
        if let code = index[text] {
            codes.append(code)
        } else {
            let code = UInt32(truncatingIfNeeded: values.count)
            index[text] = code
            values.append(text)
            codes.append(code)
        }
    }

    /// Appends a missing cell.
    mutating func appendMissing() {
        codes.append(CategoryColumn.missingCode)
    }
}
