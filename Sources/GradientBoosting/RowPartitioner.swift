/// The rows of each node of the tree being grown, as contiguous ranges of one array.
///
/// Splitting a node partitions its range stably (left rows first, each side in row
/// order), in fixed chunks, so the order and hence every later sum is the same for
/// any thread count.
final class RowPartitioner: @unchecked Sendable {
    /// Row indices, grouped by node.
    private(set) var rows: [UInt32]
    /// Where each node's rows are, by node id.
    private(set) var ranges: [Int: Range<Int>] = [:]
    private var scratch: [UInt32]
    private let threads: Int
    private let hasMissing: [Bool]
    private static let chunkSize = 1 << 16

    /// A partitioner with no rows yet; `hasMissing` says which features mark missing values with byte 255.
    init(hasMissing: [Bool], threads: Int) {
        self.hasMissing = hasMissing
        rows = []
        scratch = []
        self.threads = threads
    }

    /// Starts a tree whose root (node 0) holds `rows`, or all rows `0..<count` in
    /// order when `rows` is nil; the buffers of the previous tree are reused.
    func reset(rows sample: [UInt32]?, count: Int) {
        if let sample {
            rows = sample
        } else {
            if rows.count != count { rows = [UInt32](repeating: 0, count: count) }
            rows.withUnsafeMutableBufferPointer { rows in
                for index in rows.indices { rows[index] = UInt32(truncatingIfNeeded: index) }
            }
        }
        if scratch.count < rows.count { scratch = [UInt32](repeating: 0, count: rows.count) }
        ranges = [0: 0..<rows.count]
    }

    /// The positions of `node`'s rows.
    func positions(of node: Int) -> Range<Int> { ranges[node] ?? 0..<0 }

    /// Moves the rows of `node` into `left` and `right` by `split`, reading bins from `matrix`.
    ///
    /// Each chunk writes its left rows forwards from its start and its right rows
    /// backwards from its end into the scratch array, in one pass; the chunks' pieces
    /// are then copied to their places (the right rows reversed back into order).
    func split(node: Int, by split: SplitCandidate, matrix: BinnedMatrix, left: Int, right: Int) {
        let range = positions(of: node)
        let chunks = Parallel.chunks(range.count, size: Self.chunkSize).map { $0.shifted(by: range.lowerBound) }
        let column = split.feature * matrix.rowCount
        let (splitBin, defaultLeft, hasMissing) = (split.splitBin, split.defaultLeft, hasMissing[split.feature])
        let leftCounts = rows.withUnsafeBufferPointer { rows in
            matrix.columns.withUnsafeBufferPointer { bins in
                scratch.withUnsafeMutableBufferPointer { scratch in
                    let shared = Unchecked((rows: rows, bins: bins.baseAddress! + column, scratch: scratch))
                    return Parallel.map(chunks.count, threads: threads) { chunk in
                        let (rows, bins, scratch) = shared.value
                        var (l, r) = (chunks[chunk].lowerBound, chunks[chunk].upperBound)
                        for position in chunks[chunk] {
                            let row = rows[position]
                            let bin = bins[Int(row)]
                            let isLeft = BinnedMatrix.isMissing(bin, hasMissing: hasMissing) ? defaultLeft : Int(bin) <= splitBin
                            if isLeft {
                                scratch[l] = row
                                l &+= 1
                            } else {
                                r &-= 1
                                scratch[r] = row
                            }
                        }
                        return l - chunks[chunk].lowerBound
                    }
                }
            }
        }
        let leftTotal = leftCounts.reduce(0, +)
        var leftStart = [Int](), rightStart = [Int]()
        var (l, r) = (range.lowerBound, range.lowerBound + leftTotal)
        for (chunk, count) in zip(chunks, leftCounts) {
            leftStart.append(l)
            rightStart.append(r)
            l += count
            r += chunk.count - count
        }
        rows.withUnsafeMutableBufferPointer { rows in
            scratch.withUnsafeBufferPointer { scratch in
                let shared = Unchecked((rows: rows, scratch: scratch))
                Parallel.forEach(chunks.count, threads: threads) { chunk in
                    let (rows, scratch) = shared.value
                    let lower = chunks[chunk].lowerBound, upper = chunks[chunk].upperBound, count = leftCounts[chunk]
                    for offset in 0..<count { rows[leftStart[chunk] &+ offset] = scratch[lower &+ offset] }
                    var destination = rightStart[chunk]
                    for position in stride(from: upper &- 1, through: lower &+ count, by: -1) {
                        rows[destination] = scratch[position]
                        destination &+= 1
                    }
                }
            }
        }
        ranges[left] = range.lowerBound..<(range.lowerBound + leftTotal)
        ranges[right] = (range.lowerBound + leftTotal)..<range.upperBound
    }
}
