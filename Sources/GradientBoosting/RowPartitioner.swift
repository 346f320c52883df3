/// The rows of each node of the tree being grown, as contiguous ranges of one array.
///
/// Splitting a node partitions its range stably (left rows first, each side in row
/// order), in fixed chunks that are counted, then scattered, so the order and hence
/// every later sum is the same for any thread count.
final class RowPartitioner: @unchecked Sendable {
    /// Row indices, grouped by node.
    private(set) var rows: [UInt32]
    /// Where each node's rows are, by node id.
    private(set) var ranges: [Int: Range<Int>] = [:]
    private var scratch: [UInt32]
    private var goesLeft: [Bool]
    private let threads: Int
    private static let chunkSize = 1 << 16

    /// A partitioner whose root (node 0) holds `rows`.
    init(rows: [UInt32], threads: Int) {
        self.rows = rows
        scratch = [UInt32](repeating: 0, count: rows.count)
        goesLeft = [Bool](repeating: false, count: rows.count)
        self.threads = threads
        ranges[0] = 0..<rows.count
    }

    /// The positions of `node`'s rows.
    func positions(of node: Int) -> Range<Int> { ranges[node] ?? 0..<0 }

    /// Moves the rows of `node` into `left` and `right` by `split`, reading bins from `matrix`.
    func split(node: Int, by split: SplitCandidate, matrix: BinnedMatrix, left: Int, right: Int) {
        let range = positions(of: node)
        let chunks = Parallel.chunks(range.count, size: Self.chunkSize).map { $0.shifted(by: range.lowerBound) }
        let column = split.feature * matrix.rowCount
        let (splitBin, defaultLeft) = (split.splitBin, split.defaultLeft)
        let leftCounts = rows.withUnsafeBufferPointer { rows in
            matrix.bins.withUnsafeBufferPointer { bins in
                goesLeft.withUnsafeMutableBufferPointer { flags in
                    let shared = Unchecked((rows: rows, bins: bins.baseAddress! + column, flags: flags))
                    return Parallel.map(chunks.count, threads: threads) { chunk in
                        var count = 0
                        for position in chunks[chunk] {
                            let bin = shared.value.bins[Int(shared.value.rows[position])]
                            let isLeft = bin == BinMapper.missingBin ? defaultLeft : Int(bin) <= splitBin
                            shared.value.flags[position] = isLeft
                            count += isLeft ? 1 : 0
                        }
                        return count
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
        rows.withUnsafeBufferPointer { rows in
            scratch.withUnsafeMutableBufferPointer { scratch in
                goesLeft.withUnsafeBufferPointer { flags in
                    let shared = Unchecked((rows: rows, scratch: scratch, flags: flags))
                    Parallel.forEach(chunks.count, threads: threads) { chunk in
                        var (l, r) = (leftStart[chunk], rightStart[chunk])
                        for position in chunks[chunk] {
                            let row = shared.value.rows[position]
                            if shared.value.flags[position] {
                                shared.value.scratch[l] = row
                                l += 1
                            } else {
                                shared.value.scratch[r] = row
                                r += 1
                            }
                        }
                    }
                }
            }
        }
        rows.withUnsafeMutableBufferPointer { rows in
            scratch.withUnsafeBufferPointer { scratch in
                _ = UnsafeMutableBufferPointer(rebasing: rows[range])
                    .update(fromContentsOf: UnsafeBufferPointer(rebasing: scratch[range]))
            }
        }
        ranges[left] = range.lowerBound..<(range.lowerBound + leftTotal)
        ranges[right] = (range.lowerBound + leftTotal)..<range.upperBound
    }
}
