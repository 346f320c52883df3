/// Where the chunk parser writes one chunk's numbers: for each column, the place of
/// the chunk's first row, with room for `capacity` rows.
///
/// Record `r` writes row `r` of every numeric column, so a store is a plain memory
/// write (no array uniqueness or capacity checks per cell, which showed up in
/// profiles). `capacity` is the chunk's record bound (its line feeds, plus one when
/// it does not end with one), so the rows always fit and nothing ever grows.
final class ChunkNumbers {
    /// Per column, where row 0 of this chunk goes; nil for columns without numbers in this pass.
    let columns: UnsafeMutablePointer<UnsafeMutablePointer<Double>?>
    /// The number of columns.
    let columnCount: Int
    /// Rows that fit.
    let capacity: Int
    /// Memory this chunk owns (when it is not writing into the final arrays).
    private let slab: UnsafeMutableRawPointer?

    /// Rows written straight into memory someone else owns (the table's own arrays).
    init(writingTo starts: [UnsafeMutablePointer<Double>?], capacity: Int) {
        columnCount = starts.count
        self.capacity = capacity
        columns = .allocate(capacity: columnCount)
        columns.initialize(from: starts, count: columnCount)
        slab = nil
    }

    /// Rows written into memory of its own, for the columns where `holdsNumbers` is true.
    init(owning holdsNumbers: [Bool], capacity: Int) {
        columnCount = holdsNumbers.count
        self.capacity = capacity
        columns = .allocate(capacity: columnCount)
        let byteCount = max(1, holdsNumbers.filter { $0 }.count * capacity) * MemoryLayout<Double>.stride
        let slab = UnsafeMutableRawPointer.allocate(
            byteCount: byteCount, alignment: byteCount >= HugePages.size ? HugePages.size : MemoryLayout<Double>.alignment)
        HugePages.advise(slab, byteCount: byteCount)
        let doubles = slab.bindMemory(to: Double.self, capacity: byteCount / MemoryLayout<Double>.stride)
        var next = 0
        for (column, holds) in holdsNumbers.enumerated() {
            (columns + column).initialize(to: holds ? doubles + next * capacity : nil)
            if holds { next += 1 }
        }
        self.slab = slab
    }

    /// The first `rows` numbers of `column` (empty when it holds none).
    func values(of column: Int, rows: Int) -> UnsafeBufferPointer<Double> {
        UnsafeBufferPointer(start: columns[column], count: columns[column] == nil ? 0 : rows)
    }

    deinit {
        slab?.deallocate()
        columns.deallocate()
    }
}
