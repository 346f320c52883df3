/// A row subset of a binned matrix, copied byte for byte: a fold of a cross-validation
/// trains on its rows without binning them again.
extension BinnedMatrix {
    /// The rows `rows` of `matrix`, in the order given (each in `0..<matrix.rowCount`).
    init(rows: [Int], of matrix: BinnedMatrix) {
        let featureCount = matrix.featureCount, rowCount = rows.count
        self.rowCount = rowCount
        self.featureCount = featureCount
        var bins = [UInt8](repeating: 0, count: rowCount * featureCount + Self.padding)
        var columns = [UInt8](repeating: 0, count: rowCount * featureCount)
        matrix.bins.withUnsafeBufferPointer { source in
            bins.withUnsafeMutableBufferPointer { out in
                for (position, row) in rows.enumerated() {
                    for feature in 0..<featureCount { out[position * featureCount + feature] = source[row * featureCount + feature] }
                }
            }
        }
        matrix.columns.withUnsafeBufferPointer { source in
            columns.withUnsafeMutableBufferPointer { out in
                for feature in 0..<featureCount {
                    let from = feature * matrix.rowCount, to = feature * rowCount
                    for (position, row) in rows.enumerated() { out[to + position] = source[from + row] }
                }
            }
        }
        self.bins = bins
        self.columns = columns
    }
}
