extension Table {
    /// The number of missing cells (NaN or a missing category) per column, in table order.
    package var missingCounts: [(column: String, count: Int)] {
        zip(columnNames, columns).map { ($0, $1.missingCount) }
    }

    /// The rows that equal an earlier row in every column, in order. Cells compare
    /// by value: missing equals missing, and 0 equals -0.
    package var duplicateRows: [Int] {
        var firstRowByHash: [Int: [Int]] = [:]
        var duplicates: [Int] = []
        for row in 0..<rowCount {
            let key = rowHash(row)
            if let earlier = firstRowByHash[key], earlier.contains(where: { rowsEqual($0, row) }) {
                duplicates.append(row)
            } else {
                firstRowByHash[key, default: []].append(row)
            }
        }
        return duplicates
    }

    /// This table without the rows that repeat an earlier row (the first is kept).
    package func removingDuplicateRows() -> Table {
        let duplicates = Set(duplicateRows)
        guard !duplicates.isEmpty else { return self }
        return takingRows((0..<rowCount).filter { !duplicates.contains($0) })
    }

    private func rowHash(_ row: Int) -> Int {
        var hasher = Hasher()
        for column in columns {
            switch column {
            case .numeric(let values), .datetime(let values):
                // One bit pattern for every NaN and for ±0, matching `rowsEqual`.
                let value = values[row]
                hasher.combine(value.isNaN ? Double.nan.bitPattern : (value == 0 ? 0 : value.bitPattern))
            case .category(let column):
                // Rows of one column share its dictionary, so equal codes mean equal values.
                hasher.combine(column.codes[row])
            }
        }
        return hasher.finalize()
    }

    private func rowsEqual(_ a: Int, _ b: Int) -> Bool {
        columns.allSatisfy { column in
            switch column {
            case .numeric(let values), .datetime(let values): values[a] == values[b] || (values[a].isNaN && values[b].isNaN)
            case .category(let column): column.codes[a] == column.codes[b]
            }
        }
    }
}
