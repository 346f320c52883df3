/// A grid of values with named rows and columns, drawn as coloured cells with the
/// value written in each (a confusion matrix, a correlation table).
package struct Matrix: Sendable, Equatable {
    /// Row names, top to bottom (the y axis).
    package var rows: [String]
    /// Column names, left to right (the x axis).
    package var columns: [String]
    /// `values[row][column]`; missing or NaN cells are drawn empty.
    package var values: [[Double]]

    /// A matrix of `values[row][column]` with row and column names.
    package init(rows: [String], columns: [String], values: [[Double]]) {
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// The value at (`row`, `column`), or nil where the grid is ragged or the value is not finite.
    func value(_ row: Int, _ column: Int) -> Double? {
        guard row < values.count, column < values[row].count else { return nil }
        let value = values[row][column]
        return value.isFinite ? value : nil
    }
}
