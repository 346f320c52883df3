import Basics

extension Table {
    /// The columns called `names`, in that order; throws for a name that is not a column.
    package func selecting(_ names: [String]) throws -> Table {
        var result = Table()
        for name in names {
            try result.append(column(named: name), named: name)
        }
        return result
    }

    /// Every column except those called `names`; throws for a name that is not a column.
    package func dropping(_ names: [String]) throws -> Table {
        for name in names where index(ofColumn: name) == nil { throw unknownColumn(name) }
        let dropped = Set(names)
        let kept = columnNames.indices.filter { !dropped.contains(columnNames[$0]) }
        return Table(
            validatedNames: kept.map { columnNames[$0] }, columns: kept.map { columns[$0] },
            rowCount: kept.isEmpty ? 0 : rowCount)
    }

    /// The rows at `rows`, in that order (rows may repeat). Splits use this to build
    /// train and test tables; indices must be in `0..<rowCount`.
    package func takingRows(_ rows: [Int]) -> Table {
        Table(validatedNames: columnNames, columns: columns.map { $0.taking(rows) }, rowCount: rows.count)
    }

    /// This table with `column` added at the end.
    package func appending(_ column: Column, named name: String) throws -> Table {
        var result = self
        try result.append(column, named: name)
        return result
    }
}
