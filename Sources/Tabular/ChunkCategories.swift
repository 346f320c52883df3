import Foundation

/// One chunk's text cells of one column, as codes into a dictionary local to the chunk.
///
/// Cells are looked up by their bytes in an open-addressing table, so a value
/// already seen costs a hash and a byte comparison, and a String is made only for
/// a new value. Byte equality also keeps apart values that Swift's String equality
/// would merge (`é` written precomposed and decomposed), so text is kept as written.
/// The reader merges the chunks' dictionaries into the column's own and renumbers
/// the codes, so each distinct value is kept once per chunk, not once per cell.
struct ChunkCategories {
    /// One code per record: an index into `values`, or `CategoryColumn.missingCode`.
    var codes: [UInt32] = []
    /// The distinct values in the order first seen.
    var values: [String] = []
    /// The distinct values' bytes, one after another.
    private var arena: [UInt8] = []
    /// Where each value's bytes start in `arena`; one more entry marks the end.
    private var offsets: [Int] = [0]
    private var hashes: [Int] = []
    /// Value indices by hash, -1 where empty; the count is a power of two.
    private var slots: [Int32] = []

    /// Appends a cell holding `bytes`.
    mutating func append(bytes: UnsafeBufferPointer<UInt8>) {
        if values.count * 2 >= slots.count { grow() }
        let hash = Self.hash(bytes)
        let mask = slots.count - 1
        var slot = hash & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { break }
            if hashes[index] == hash && equals(index, bytes) {
                codes.append(UInt32(truncatingIfNeeded: index))
                return
            }
            slot = (slot + 1) & mask
        }
        let index = values.count
        slots[slot] = Int32(truncatingIfNeeded: index)
        hashes.append(hash)
        arena.append(contentsOf: bytes)
        offsets.append(arena.count)
        values.append(String(decoding: bytes, as: UTF8.self))
        codes.append(UInt32(truncatingIfNeeded: index))
    }

    /// Appends a cell holding `text`.
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append(bytes: $0) }
    }

    /// Appends a missing cell.
    mutating func appendMissing() {
        codes.append(CategoryColumn.missingCode)
    }

    private func equals(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = offsets[index], count = offsets[index + 1] - start
        guard count == bytes.count else { return false }
        guard count > 0, let base = bytes.baseAddress else { return true }
        return arena.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, base, count) == 0 }
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: max(16, slots.count * 2))
        let mask = slots.count - 1
        for (index, hash) in hashes.enumerated() {
            var slot = hash & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(truncatingIfNeeded: index)
        }
    }

    /// FNV-1a over the bytes, then mixed so that the low bits used as the slot vary.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        h ^= h >> 29
        h = h &* 0xbf58_476d_1ce4_e5b9
        h ^= h >> 32
        return Int(truncatingIfNeeded: h & 0x7fff_ffff_ffff_ffff)
    }
}
