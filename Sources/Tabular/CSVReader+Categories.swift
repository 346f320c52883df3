extension CSVReader {
    /// One column's chunks joined: a sorted dictionary of every distinct value and
    /// the chunks' codes renumbered into it, in file order.
    static func merge(_ chunks: [ChunkCategories]) -> CategoryColumn {
        var distinct = Set<String>()
        for chunk in chunks { distinct.formUnion(chunk.values) }
        let categories = distinct.sorted()
        let index = Dictionary(uniqueKeysWithValues: categories.enumerated().map { ($1, UInt32(truncatingIfNeeded: $0)) })
        var codes: [UInt32] = []
        codes.reserveCapacity(chunks.reduce(0) { $0 + $1.codes.count })
        for chunk in chunks {
            let remap = chunk.values.map { index[$0] ?? CategoryColumn.missingCode }
            for code in chunk.codes {
                codes.append(code == CategoryColumn.missingCode ? code : remap[Int(code)])
            }
        }
        return CategoryColumn(validatedCodes: codes, categories: categories)
    }
}
