extension FloatParser {
    /// `mantissa × 10^exponent` (mantissa not 0) correctly rounded, by the
    /// Eisel–Lemire algorithm: one 64×128-bit multiplication with a table power of
    /// ten, which decides the rounding except in rare near-halfway cases, where it
    /// returns nil and the caller asks strtod. Covers the 16- and 17-digit numbers
    /// that shortest round-trip printing writes, which Clinger's path cannot take.
    ///
    /// A port of the algorithm as Go's strconv states it (eiselLemire64), including
    /// its checks; the terse steps follow Nigel Tao's description.
    static func eiselLemire(_ mantissa: UInt64, _ exponent: Int) -> Double? {
        guard exponent >= PowersOfTen.minimumExponent && exponent <= PowersOfTen.maximumExponent else { return nil }
        let index = exponent - PowersOfTen.minimumExponent
        // Normalisation: the mantissa's top bit set.
        let leadingZeros = mantissa.leadingZeroBitCount
        let normalised = mantissa << leadingZeros
        // log2(10) ≈ 217706 / 2^16; wrapping, so out-of-range exponents fail the final check.
        var binaryExponent = UInt64(bitPattern: Int64((217_706 &* exponent) >> 16 + 64 + 1023)) &- UInt64(leadingZeros)
        // Multiplication by the high word.
        var (high, low) = normalised.multipliedFullWidth(by: PowersOfTen.highs[index])
        // A wider approximation when the low bits could still carry into the result.
        if high & 0x1FF == 0x1FF && low &+ normalised < normalised {
            let (wideHigh, wideLow) = normalised.multipliedFullWidth(by: PowersOfTen.lows[index])
            var mergedHigh = high
            let mergedLow = low &+ wideHigh
            if mergedLow < low { mergedHigh &+= 1 }
            if mergedHigh & 0x1FF == 0x1FF && mergedLow &+ 1 == 0 && wideLow &+ normalised < normalised { return nil }
            (high, low) = (mergedHigh, mergedLow)
        }
        // Shifting to 54 bits.
        let topBit = high >> 63
        var result = high >> (topBit + 9)
        binaryExponent &-= 1 ^ topBit
        // Exactly halfway between two doubles: the truncated table cannot tell which way.
        if low == 0 && high & 0x1FF == 0 && result & 3 == 1 { return nil }
        // From 54 to 53 bits, rounding half up (ties were excluded above).
        result &+= result & 1
        result >>= 1
        if result >> 53 > 0 {
            result >>= 1
            binaryExponent &+= 1
        }
        // Subnormal, zero, infinite: leave those to strtod.
        if binaryExponent &- 1 >= 0x7FF - 1 { return nil }
        return Double(bitPattern: binaryExponent << 52 | result & 0x000F_FFFF_FFFF_FFFF)
    }
}
