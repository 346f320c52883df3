/// Sorts float32 values (no NaN) by their bits, in three passes of 11 bits: much
/// faster than a comparison sort for the hundreds of thousands of values binning needs.
enum RadixSort {
    /// Sorts `values` ascending (-0 before +0).
    static func sort(_ values: inout [Float]) {
        guard values.count > 64 else { values.sort(); return }
        // Flip bits so that unsigned order is float order: negatives reversed, positives above.
        var keys = values.map { value -> UInt32 in
            let bits = value.bitPattern
            return bits & 0x8000_0000 != 0 ? ~bits : bits | 0x8000_0000
        }
        var buffer = [UInt32](repeating: 0, count: keys.count)
        for shift in stride(from: 0, to: 33, by: 11) {
            var counts = [Int](repeating: 0, count: 2049)
            for key in keys { counts[Int((key >> UInt32(shift)) & 0x7FF) + 1] += 1 }
            for digit in 0..<2048 { counts[digit + 1] += counts[digit] }
            for key in keys {
                let digit = Int((key >> UInt32(shift)) & 0x7FF)
                buffer[counts[digit]] = key
                counts[digit] += 1
            }
            swap(&keys, &buffer)
        }
        for index in values.indices {
            let key = keys[index]
            values[index] = Float(bitPattern: key & 0x8000_0000 != 0 ? key & 0x7FFF_FFFF : ~key)
        }
    }
}
