/// Sorting numbers by their bits: a least-significant-digit radix sort on keys that
/// order as the numbers do, several times faster than a comparison sort on the
/// million-value columns that binning (float32) and drift checks (doubles) sort.
package enum RadixSort {
    /// Bits per pass: 2,048 buckets stay in the first-level cache.
    private static let digitBits = 11
    private static let bucketCount = 1 << digitBits
    /// The lowest bits, left to a final sort of the runs of keys equal above them: four
    /// passes instead of six, and such runs are rare (values within 2^-32 of each other
    /// relatively) or hold copies of one value, which need no sorting.
    private static let skippedBits = 20
    /// Passes over the bits above `skippedBits`.
    private static let passCount = 4

    /// The non-NaN values of `values`, ascending (−0.0 before +0.0; they compare equal).
    /// Columns whose every value is a float32 (data written from float32, small integers)
    /// are sorted as float32: half the bytes to move and three passes instead of six.
    package static func sortedWithoutNaN(_ values: [Double]) -> [Double] {
        var singles = [Float]()
        singles.reserveCapacity(values.count)
        for value in values where !value.isNaN {
            let single = Float(value)
            guard Double(single) == value else { return sortedDoublesWithoutNaN(values) }
            singles.append(single)
        }
        sort(&singles)
        return singles.map(Double.init)
    }

    /// Sorts `values` ascending (−0 before +0), in three passes of 11 bits.
    package static func sort(_ values: inout [Float]) {
        guard values.count > 64 else { values.sort(); return }
        // Flip bits so that unsigned order is float order: negatives reversed, positives above.
        var keys = values.map { value -> UInt32 in
            let bits = value.bitPattern
            return bits & 0x8000_0000 != 0 ? ~bits : bits | 0x8000_0000
        }
        var buffer = [UInt32](repeating: 0, count: keys.count)
        for shift in stride(from: 0, to: 33, by: 11) {
            var counts = [Int](repeating: 0, count: 2049)
            keys.withUnsafeBufferPointer { keys in
                for key in keys { counts[Int((key >> UInt32(shift)) & 0x7FF) + 1] += 1 }
            }
            // A digit every key shares (the exponent's top bits, often) needs no pass.
            if counts.contains(keys.count) { continue }
            for digit in 0..<2048 { counts[digit + 1] += counts[digit] }
            keys.withUnsafeBufferPointer { source in
                buffer.withUnsafeMutableBufferPointer { target in
                    counts.withUnsafeMutableBufferPointer { counts in
                        for key in source {
                            let digit = Int((key >> UInt32(shift)) & 0x7FF)
                            target[counts[digit]] = key
                            counts[digit] += 1
                        }
                    }
                }
            }
            swap(&keys, &buffer)
        }
        values.withUnsafeMutableBufferPointer { values in
            keys.withUnsafeBufferPointer { keys in
                for index in keys.indices {
                    let key = keys[index]
                    values[index] = Float(bitPattern: key & 0x8000_0000 != 0 ? key & 0x7FFF_FFFF : ~key)
                }
            }
        }
    }

    private static func sortedDoublesWithoutNaN(_ values: [Double]) -> [Double] {
        var keys = [UInt64](repeating: 0, count: values.count)
        var count = 0
        keys.withUnsafeMutableBufferPointer { keys in
            for value in values where !value.isNaN {
                keys[count] = key(value)
                count += 1
            }
        }
        keys.removeLast(values.count - count)
        if count < 512 {
            // Small columns: the passes cost more than they save.
            return keys.sorted().map(Self.value)
        }
        var scratch = [UInt64](repeating: 0, count: count)
        // Every pass's histogram from one read of the keys.
        var histograms = [Int](repeating: 0, count: bucketCount * passCount)
        let mask = UInt64(bucketCount - 1)
        keys.withUnsafeBufferPointer { keys in
            histograms.withUnsafeMutableBufferPointer { histograms in
                for key in keys {
                    for pass in 0..<passCount {
                        histograms[pass * bucketCount + Int((key >> UInt64(skippedBits + pass * digitBits)) & mask)] += 1
                    }
                }
            }
        }
        for pass in 0..<passCount {
            let base = pass * bucketCount
            // A digit every key shares (high exponent bits, usually) needs no pass.
            if histograms[base..<(base + bucketCount)].contains(count) { continue }
            var offsets = [Int](repeating: 0, count: bucketCount)
            var total = 0
            for digit in 0..<bucketCount {
                offsets[digit] = total
                total += histograms[base + digit]
            }
            let shift = UInt64(skippedBits + pass * digitBits)
            keys.withUnsafeBufferPointer { source in
                scratch.withUnsafeMutableBufferPointer { target in
                    offsets.withUnsafeMutableBufferPointer { offsets in
                        for key in source {
                            let digit = Int((key >> shift) & mask)
                            target[offsets[digit]] = key
                            offsets[digit] += 1
                        }
                    }
                }
            }
            swap(&keys, &scratch)
        }
        keys.withUnsafeMutableBufferPointer { keys in
            var start = 0
            while start < count {
                let high = keys[start] >> UInt64(skippedBits)
                var end = start + 1, mixed = false
                while end < count, keys[end] >> UInt64(skippedBits) == high {
                    mixed = mixed || keys[end] != keys[start]
                    end += 1
                }
                if mixed { keys[start..<end].sort() }
                start = end
            }
        }
        return [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            keys.withUnsafeBufferPointer { keys in
                for index in 0..<count { buffer[index] = value(keys[index]) }
            }
            initialized = count
        }
    }

    /// Flips the sign bit of positives and every bit of negatives, so unsigned order is
    /// numeric order.
    private static func key(_ value: Double) -> UInt64 {
        let bits = value.bitPattern
        return bits & (1 << 63) == 0 ? bits | (1 << 63) : ~bits
    }

    private static func value(_ key: UInt64) -> Double {
        Double(bitPattern: key & (1 << 63) != 0 ? key & ~(1 << 63) : ~key)
    }
}
