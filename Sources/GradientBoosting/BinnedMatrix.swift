/// Feature values as bins, row by row: `bins[row * featureCount + feature]`.
///
/// Row-major, as XGBoost's hist matrix: building a node's histogram reads each of
/// its rows' bins from one cache line, where a column-major layout would cost one
/// cache miss per feature for the scattered rows of a deep node.
struct BinnedMatrix: Sendable {
    /// The number of rows.
    let rowCount: Int
    /// The number of features.
    let featureCount: Int
    /// The bins, one row after another.
    let bins: [UInt8]

    /// Rows binned per task.
    private static let blockRows = 1 << 14

    /// Bins `columns` (NaN is missing) with `mapper`, in blocks of rows.
    init(columns: [[Double]], mapper: BinMapper, threads: Int) {
        let rowCount = columns.first?.count ?? 0, featureCount = columns.count
        self.rowCount = rowCount
        self.featureCount = featureCount
        let blocks = Parallel.chunks(rowCount, size: Self.blockRows)
        bins = [UInt8](unsafeUninitializedCapacity: rowCount * featureCount) { buffer, initialized in
            let output = Unchecked(buffer.baseAddress)
            Parallel.forEach(blocks.count, threads: threads) { block in
                guard let out = output.value else { return }
                for feature in 0..<featureCount {
                    let hasMissing = mapper.hasMissing[feature]
                    mapper.cuts[feature].withUnsafeBufferPointer { cuts in
                        columns[feature].withUnsafeBufferPointer { values in
                            for row in blocks[block] {
                                let value = values[row]
                                out[row * featureCount + feature] = value.isNaN || cuts.isEmpty
                                    ? (hasMissing ? BinMapper.missingBin : 0)
                                    : BinMapper.bin(Float(value), in: cuts)
                            }
                        }
                    }
                }
            }
            initialized = rowCount * featureCount
        }
    }

    /// Whether the byte `bin` of `feature` marks a missing value.
    @inline(__always)
    static func isMissing(_ bin: UInt8, hasMissing: Bool) -> Bool { hasMissing && bin == BinMapper.missingBin }
}
