/// The numbers of one chunk, column by column, in memory the chunk parser writes directly.
///
/// Record `r` writes row `r` of every numeric column, so one capacity check per
/// record covers all columns, and a store is a plain memory write (no array
/// uniqueness or capacity checks per cell, which showed up in profiles). All
/// columns share one allocation, large enough for huge pages to back it.
final class ChunkNumbers {
    /// Where each column's rows start; nil for columns that hold no numbers in this pass.
    let columns: UnsafeMutablePointer<UnsafeMutablePointer<Double>?>
    /// The number of columns.
    let columnCount: Int
    /// Rows each column can hold.
    private(set) var capacity: Int
    private let holdsNumbers: [Bool]
    private var slab: UnsafeMutableRawPointer

    /// Room for `rows` rows of the columns where `holdsNumbers` is true.
    init(holdsNumbers: [Bool], rows: Int) {
        self.holdsNumbers = holdsNumbers
        columnCount = holdsNumbers.count
        capacity = max(rows, 16)
        columns = .allocate(capacity: columnCount)
        columns.initialize(repeating: nil, count: columnCount)
        slab = Self.allocateSlab(columns: holdsNumbers.filter { $0 }.count, rows: capacity)
        assignColumns(in: slab, rows: capacity)
    }

    /// Doubles the capacity, keeping the first `rows` rows of every column.
    func grow(keeping rows: Int) {
        let newCapacity = capacity * 2
        let newSlab = Self.allocateSlab(columns: holdsNumbers.filter { $0 }.count, rows: newCapacity)
        let old = (0..<columnCount).map { columns[$0] }
        assignColumns(in: newSlab, rows: newCapacity)
        for column in 0..<columnCount {
            if let from = old[column], let to = columns[column] { to.update(from: from, count: rows) }
        }
        slab.deallocate()
        slab = newSlab
        capacity = newCapacity
    }

    /// The first `rows` numbers of `column` (empty when it holds none).
    func values(of column: Int, rows: Int) -> UnsafeBufferPointer<Double> {
        UnsafeBufferPointer(start: columns[column], count: columns[column] == nil ? 0 : rows)
    }

    /// Points each numeric column at its own `rows`-long stretch of `slab`.
    private func assignColumns(in slab: UnsafeMutableRawPointer, rows: Int) {
        let doubles = slab.assumingMemoryBound(to: Double.self)
        var next = 0
        for column in 0..<columnCount where holdsNumbers[column] {
            columns[column] = doubles + next * rows
            next += 1
        }
    }

    /// Uninitialised room for `columns × rows` doubles, advised onto huge pages.
    private static func allocateSlab(columns: Int, rows: Int) -> UnsafeMutableRawPointer {
        let byteCount = max(1, columns * rows) * MemoryLayout<Double>.stride
        let alignment = byteCount >= HugePages.size ? HugePages.size : MemoryLayout<Double>.alignment
        let slab = UnsafeMutableRawPointer.allocate(byteCount: byteCount, alignment: alignment)
        HugePages.advise(slab, byteCount: byteCount)
        slab.bindMemory(to: Double.self, capacity: byteCount / MemoryLayout<Double>.stride)
        return slab
    }

    deinit {
        slab.deallocate()
        columns.deallocate()
    }
}
