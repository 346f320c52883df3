/// Feature values as bins, column by column: `bins[feature * rowCount + row]`.
///
/// Column-major so that building a feature's histogram reads one contiguous column,
/// and histograms of different features can be built on different threads.
struct BinnedMatrix: Sendable {
    /// The number of rows.
    let rowCount: Int
    /// The number of features.
    let featureCount: Int
    /// The bins, one column after another.
    let bins: [UInt8]
    /// Whether each feature has any missing value (else its missing bin is always empty).
    let hasMissing: [Bool]

    /// Bins `columns` (NaN is missing) with `mapper`, one feature per task.
    init(columns: [[Double]], mapper: BinMapper, threads: Int) {
        let rowCount = columns.first?.count ?? 0
        self.rowCount = rowCount
        featureCount = columns.count
        var missing = [Bool](repeating: false, count: columns.count)
        bins = [UInt8](unsafeUninitializedCapacity: rowCount * columns.count) { buffer, initialized in
            let output = Unchecked(buffer.baseAddress)
            missing.withUnsafeMutableBufferPointer { flags in
                let flags = Unchecked(flags.baseAddress)
                Parallel.forEach(columns.count, threads: threads) { feature in
                    let out = output.value! + feature * rowCount
                    var sawMissing = false
                    mapper.cuts[feature].withUnsafeBufferPointer { cuts in
                        columns[feature].withUnsafeBufferPointer { values in
                            for row in 0..<rowCount {
                                let value = values[row]
                                if value.isNaN {
                                    out[row] = BinMapper.missingBin
                                    sawMissing = true
                                } else {
                                    out[row] = cuts.isEmpty ? 0 : BinMapper.bin(Float(value), in: cuts)
                                }
                            }
                        }
                    }
                    flags.value![feature] = sawMissing
                }
            }
            initialized = rowCount * columns.count
        }
        hasMissing = missing
    }
}
