import Basics

/// The rows of each node of the tree being grown, as contiguous ranges of one array.
///
/// Splitting a node partitions its range stably (left rows first, each side in row
/// order), in fixed chunks, so the order and hence every later sum is the same for
/// any thread count.
final class RowPartitioner {
    /// Row indices, grouped by node.
    private(set) var rows: [UInt32]
    /// Where each node's rows are, indexed by node id (nil: the node has no range of
    /// its own). Node ids are small and dense, so an array, not a dictionary.
    private var ranges: [Range<Int>?] = []
    private var scratch: [UInt32]
    private let threads: Int
    private let hasMissing: [Bool]
    private static let chunkSize = 1 << 15

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
        ranges.removeAll(keepingCapacity: true)
        ranges.append(0..<rows.count)
    }

    /// The positions of `node`'s rows.
    func positions(of node: Int) -> Range<Int> { node < ranges.count ? ranges[node] ?? 0..<0 : 0..<0 }

    /// Whether `node` has a range of rows of its own (the root, and children of partitioned splits).
    func hasRange(_ node: Int) -> Bool { node < ranges.count && ranges[node] != nil }

    /// One node to split: its rows go to `left` and `right` by `split`.
    struct Request {
        var node: Int
        var split: SplitCandidate
        var left: Int
        var right: Int
    }

    /// Splits the nodes of `requests` (disjoint ranges), reading bins from `matrix`,
    /// in two parallel passes over the chunks of all of them together.
    ///
    /// Each chunk writes its left rows forwards from its start and its right rows
    /// backwards from its end into the scratch array; the chunks' pieces are then
    /// copied to their places (the right rows reversed back into order).
    func split(_ requests: [Request], matrix: BinnedMatrix) {
        if threads <= 1 { return splitInPlace(requests, matrix: matrix) }
        var chunks: [(request: Int, positions: Range<Int>)] = []
        for (index, request) in requests.enumerated() {
            let range = positions(of: request.node)
            for chunk in Parallel.chunks(range.count, size: Self.chunkSize) {
                chunks.append((index, chunk.shifted(by: range.lowerBound)))
            }
        }
        let rowCount = matrix.rowCount, hasMissing = hasMissing
        let leftCounts = rows.withUnsafeBufferPointer { rows in
            matrix.columns.withUnsafeBufferPointer { bins in
                scratch.withUnsafeMutableBufferPointer { scratch in
                    let shared = Unchecked((rows: rows, bins: bins.baseAddress!, scratch: scratch))
                    return Parallel.map(chunks.count, threads: threads) { index in
                        let (rows, bins, scratch) = shared.value
                        let split = requests[chunks[index].request].split
                        return Self.partition(chunks[index].positions, by: split, column: bins + split.feature &* rowCount,
                                              missing: hasMissing[split.feature], rows: rows, into: scratch)
                    }
                }
            }
        }
        // Where each chunk's left and right pieces go: left pieces in chunk order from
        // the node's start, right pieces after all of the node's left rows.
        var leftTotals = [Int](repeating: 0, count: requests.count)
        for (chunk, count) in zip(chunks, leftCounts) { leftTotals[chunk.request] += count }
        var nextLeft = requests.map { positions(of: $0.node).lowerBound }
        var nextRight = requests.indices.map { nextLeft[$0] + leftTotals[$0] }
        var leftStart = [Int](), rightStart = [Int]()
        for (chunk, count) in zip(chunks, leftCounts) {
            leftStart.append(nextLeft[chunk.request])
            rightStart.append(nextRight[chunk.request])
            nextLeft[chunk.request] += count
            nextRight[chunk.request] += chunk.positions.count - count
        }
        rows.withUnsafeMutableBufferPointer { rows in
            scratch.withUnsafeBufferPointer { scratch in
                let shared = Unchecked((rows: rows, scratch: scratch))
                Parallel.forEach(chunks.count, threads: threads) { index in
                    let (rows, scratch) = shared.value
                    Self.place(chunks[index].positions, leftCount: leftCounts[index], leftStart: leftStart[index], rightStart: rightStart[index],
                               from: scratch, into: rows)
                }
            }
        }
        for (index, request) in requests.enumerated() { setChildRanges(request, leftCount: leftTotals[index]) }
    }

    /// `split` on this thread: each node in one pass over its rows, which leaves them
    /// in the order the chunks leave them (left rows, then right rows, each in
    /// position order), without the lists of chunks.
    private func splitInPlace(_ requests: [Request], matrix: BinnedMatrix) {
        let rowCount = matrix.rowCount
        for request in requests {
            let range = positions(of: request.node), split = request.split
            let leftCount = rows.withUnsafeMutableBufferPointer { rows in
                matrix.columns.withUnsafeBufferPointer { bins in
                    scratch.withUnsafeMutableBufferPointer { scratch in
                        let count = Self.partition(range, by: split, column: bins.baseAddress! + split.feature &* rowCount,
                                                   missing: hasMissing[split.feature], rows: UnsafeBufferPointer(rows), into: scratch)
                        Self.place(range, leftCount: count, leftStart: range.lowerBound, rightStart: range.lowerBound + count,
                                   from: UnsafeBufferPointer(scratch), into: rows)
                        return count
                    }
                }
            }
            setChildRanges(request, leftCount: leftCount)
        }
    }

    /// Records the ranges of `request`'s children: the first `leftCount` of its node's positions go left.
    private func setChildRanges(_ request: Request, leftCount: Int) {
        let range = positions(of: request.node)
        let needed = max(request.left, request.right) + 1
        if ranges.count < needed { ranges.append(contentsOf: repeatElement(nil, count: needed - ranges.count)) }
        ranges[request.left] = range.lowerBound..<(range.lowerBound + leftCount)
        ranges[request.right] = (range.lowerBound + leftCount)..<range.upperBound
    }

    /// Writes the rows at `chunk` into the same positions of `scratch`: the left ones
    /// forwards from the start, the right ones backwards from the end. Returns how many go left.
    @inline(__always)
    private static func partition(
        _ chunk: Range<Int>, by split: SplitCandidate, column: UnsafePointer<UInt8>, missing: Bool,
        rows: UnsafeBufferPointer<UInt32>, into scratch: UnsafeMutableBufferPointer<UInt32>
    ) -> Int {
        var (l, r) = (chunk.lowerBound, chunk.upperBound)
        let defaultLeft = unsafeBitCast(split.defaultLeft, to: UInt8.self)
        let missingByte: Int = missing ? Int(BinMapper.missingBin) : -1
        if let set = split.rightCategories {
            // A categorical split: a bin goes right when its category is in the set.
            for position in chunk {
                let row = rows[position]
                let bin = Int(column[Int(row)])
                let isLeft = bin == missingByte ? split.defaultLeft : !set.contains(bin)
                scratch[l] = row
                scratch[r &- 1] = row
                l &+= isLeft ? 1 : 0
                r &-= isLeft ? 0 : 1
            }
            return l - chunk.lowerBound
        }
        for position in chunk {
            let row = rows[position]
            let bin = Int(column[Int(row)])
            // Arithmetic instead of branches, which would mispredict for about
            // half the rows: the row is written to both free ends and only
            // the end it belongs to advances (the other copy is overwritten).
            let isMissing = unsafeBitCast(bin == missingByte, to: UInt8.self)
            let below = unsafeBitCast(bin <= split.splitBin, to: UInt8.self)
            let isLeft = Int((isMissing & defaultLeft) | ((isMissing ^ 1) & below))
            scratch[l] = row
            scratch[r &- 1] = row
            l &+= isLeft
            r &-= 1 &- isLeft
        }
        return l - chunk.lowerBound
    }

    /// Copies a partitioned chunk of `scratch` back: its `leftCount` left rows to
    /// `leftStart`, its right rows (reversed back into order) to `rightStart`.
    @inline(__always)
    private static func place(
        _ chunk: Range<Int>, leftCount: Int, leftStart: Int, rightStart: Int,
        from scratch: UnsafeBufferPointer<UInt32>, into rows: UnsafeMutableBufferPointer<UInt32>
    ) {
        for offset in 0..<leftCount { rows[leftStart &+ offset] = scratch[chunk.lowerBound &+ offset] }
        var destination = rightStart
        for position in stride(from: chunk.upperBound &- 1, through: chunk.lowerBound &+ leftCount, by: -1) {
            rows[destination] = scratch[position]
            destination &+= 1
        }
    }
}
