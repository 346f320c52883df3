import Basics

/// Feature values as bins, kept both row by row (`bins[row * featureCount + feature]`)
/// and column by column (`columns[feature * rowCount + row]`).
///
/// Building a node's histogram reads every feature of its rows, so it reads rows:
/// one cache line per row, where columns would cost a miss per feature for the
/// scattered rows of a deep node. Partitioning a node reads one feature of its rows,
/// so it reads a column, where 64 neighbouring rows share a cache line. The second
/// copy costs one byte per value.
struct BinnedMatrix: Sendable {
    /// The number of rows.
    let rowCount: Int
    /// The number of features.
    let featureCount: Int
    /// The bins, one row after another, then `padding` zero bytes so that any row can
    /// be copied in 16-byte pieces.
    let bins: [UInt8]
    /// Zero bytes after the last row.
    static let padding = 16
    /// The bins, one feature after another.
    let columns: [UInt8]

    /// Rows binned per task: few enough that their bytes stay in the first-level cache.
    private static let blockRows = 512

    /// Bins `columns` with `mapper`, in blocks of rows (missing as `BinMapper.isMissing` says).
    init(columns: [[Double]], mapper: BinMapper, threads: Int) {
        let rowCount = columns.first?.count ?? 0, featureCount = columns.count
        self.rowCount = rowCount
        self.featureCount = featureCount
        let blocks = Parallel.chunks(rowCount, size: Self.blockRows)
        let groups = mapper.vectorCuts()
        bins = [UInt8](unsafeUninitializedCapacity: rowCount * featureCount + Self.padding) { buffer, initialized in
            let output = Unchecked(buffer.baseAddress)
            Parallel.forEach(blocks.count, threads: threads) { block in
                guard let out = output.value else { return }
                for feature in 0..<featureCount {
                    let hasMissing = mapper.hasMissing[feature]
                    let count = mapper.cuts[feature].count
                    groups[feature].withUnsafeBufferPointer { cuts in
                        columns[feature].withUnsafeBufferPointer { values in
                            for row in blocks[block] {
                                let value = Float(values[row])
                                out[row &* featureCount &+ feature] = !value.isFinite || cuts.isEmpty
                                    ? (hasMissing ? BinMapper.missingBin : 0)
                                    : BinMapper.vectorBin(value, in: cuts, count: count)
                            }
                        }
                    }
                }
            }
            (buffer.baseAddress! + rowCount * featureCount).initialize(repeating: 0, count: Self.padding)
            initialized = rowCount * featureCount + Self.padding
        }
        self.columns = Self.transpose(bins, rowCount: rowCount, featureCount: featureCount, threads: threads)
    }

    /// The column-major copy of row-major `bins`, one feature per task.
    private static func transpose(_ bins: [UInt8], rowCount: Int, featureCount: Int, threads: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: rowCount * featureCount) { buffer, initialized in
            let output = Unchecked(buffer.baseAddress)
            bins.withUnsafeBufferPointer { bins in
                let bins = Unchecked(bins)
                Parallel.forEach(featureCount, threads: threads) { feature in
                    guard let out = output.value.map({ $0 + feature * rowCount }) else { return }
                    for row in 0..<rowCount { out[row] = bins.value[row &* featureCount &+ feature] }
                }
            }
            initialized = rowCount * featureCount
        }
    }

    /// Whether the byte `bin` of `feature` marks a missing value.
    @inline(__always)
    static func isMissing(_ bin: UInt8, hasMissing: Bool) -> Bool { hasMissing && bin == BinMapper.missingBin }
}
