/// Sorting doubles by their bits: a least-significant-digit radix sort on keys that
/// order as the doubles do, several times faster than a comparison sort on the
/// million-value columns drift checks sort twice per feature.
enum RadixSort {
    /// Bits per pass: 2,048 buckets stay in the first-level cache; six passes cover 64 bits.
    private static let digitBits = 11
    private static let bucketCount = 1 << digitBits
    private static let passCount = 6

    /// The non-NaN values of `values`, ascending (−0.0 before +0.0; they compare equal).
    static func sortedWithoutNaN(_ values: [Double]) -> [Double] {
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
                        histograms[pass * bucketCount + Int((key >> UInt64(pass * digitBits)) & mask)] += 1
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
            let shift = UInt64(pass * digitBits)
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
