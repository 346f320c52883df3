import Basics

extension Table {
    /// The names of the numeric columns, in table order.
    package var numericColumnNames: [String] {
        columnNames.indices.filter { columns[$0].isNumeric }.map { columnNames[$0] }
    }

    /// `names` when given (each must be a numeric column), else every numeric column.
    func resolveNumericColumns(_ names: [String]?) throws -> [String] {
        guard let names else { return numericColumnNames }
        for name in names { _ = try numericColumn(named: name) }
        return names
    }

    /// This table with the numbers of each column in `names` replaced by
    /// `transform(name, numbers)`; throws when a column is absent or holds text.
    func mappingNumericColumns(_ names: [String], _ transform: (String, [Double]) -> [Double]) throws -> Table {
        var result = self
        for name in names {
            try result.replace(name, with: .numeric(transform(name, try numericColumn(named: name))))
        }
        return result
    }
}
