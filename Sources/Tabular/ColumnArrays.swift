/// New `[Double]` arrays that several threads fill at once, in place.
///
/// A Swift array's storage can only be written while its initialiser's closure
/// runs, so writing many arrays at the same time means nesting one closure per
/// array. Reading a large CSV file this way writes every number once, into the
/// table's own arrays, instead of into per-chunk buffers that are then copied:
/// half the fresh memory, which the kernel must clear, and no copy.
enum ColumnArrays {
    /// The most arrays made this way: each one nests a call, and the stack is finite.
    static let maximumCount = 256

    /// `count` arrays with room for `capacity` numbers each. `fill` receives where
    /// each array's storage starts, writes the first n elements of every array, and
    /// returns n. `count` must not exceed `maximumCount`.
    static func make(
        count: Int, capacity: Int, _ fill: ([UnsafeMutablePointer<Double>]) throws -> Int
    ) throws -> [[Double]] {
        var starts: [UnsafeMutablePointer<Double>] = []
        var length = 0
        var arrays: [[Double]] = []
        func nest() throws {
            if starts.count == count {
                length = try fill(starts)
                return
            }
            let array = try [Double](unsafeUninitializedCapacity: max(capacity, 1)) { buffer, initialized in
                let start = buffer.baseAddress!
                HugePages.advise(UnsafeMutableRawPointer(start), byteCount: buffer.count * MemoryLayout<Double>.stride)
                starts.append(start)
                try nest()
                initialized = length
            }
            arrays.append(array)
        }
        try nest()
        // The innermost array is finished first.
        return arrays.reversed()
    }
}
