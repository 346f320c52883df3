/// The rows of one plot data file, column by column, columns in the file's order.
package struct PlotData: Sendable, Equatable {
    /// The file as messages name it.
    package var file: String
    /// Column names in order.
    package var columnNames: [String]
    /// The columns, in the order of `columnNames`; all have `rowCount` values.
    package var columns: [PlotColumn]

    /// Data of `file` with named columns.
    package init(file: String, columnNames: [String], columns: [PlotColumn]) {
        self.file = file
        self.columnNames = columnNames
        self.columns = columns
    }

    /// The number of rows.
    package var rowCount: Int { columns.first?.count ?? 0 }

    /// The column called `name`, if there is one.
    package subscript(name: String) -> PlotColumn? {
        columnNames.firstIndex(of: name).map { columns[$0] }
    }
}
