import Basics

extension SeededGenerator {
    /// Shuffles `indices` in place exactly as `shuffle(_:)` does (the same swaps for
    /// the same seed), specialized here: the generic form reaches this module
    /// unspecialized, and the samplers shuffle once every few trees.
    mutating func shuffleIndices(_ indices: inout [Int]) {
        guard indices.count > 1 else { return }
        indices.withUnsafeMutableBufferPointer { buffer in
            for i in stride(from: buffer.count - 1, to: 0, by: -1) {
                buffer.swapAt(i, nextIndex(below: i + 1))
            }
        }
    }
}
