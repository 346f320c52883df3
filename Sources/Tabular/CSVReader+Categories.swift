extension CSVReader {
    /// One column's chunks joined: a dictionary of every distinct value, sorted by
    /// its UTF-8 bytes, and the chunks' codes renumbered into it, in file order.
    /// Values are told apart by their bytes, as each chunk tells them apart.
    static func merge(_ chunks: [ChunkCategories]) -> CategoryColumn {
        var distinct: [[UInt8]: String] = [:]
        for chunk in chunks {
            for value in chunk.values { distinct[Array(value.utf8)] = value }
        }
        let keys = distinct.keys.sorted { $0.lexicographicallyPrecedes($1) }
        let index = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, UInt32(truncatingIfNeeded: $0)) })
        let categories = keys.map { distinct[$0] ?? "" }
        var codes: [UInt32] = []
        codes.reserveCapacity(chunks.reduce(0) { $0 + $1.codes.count })
        for chunk in chunks {
            let remap = chunk.values.map { index[Array($0.utf8)] ?? CategoryColumn.missingCode }
            for code in chunk.codes {
                codes.append(code == CategoryColumn.missingCode ? code : remap[Int(code)])
            }
        }
        return CategoryColumn(validatedCodes: codes, categories: categories)
    }
}
