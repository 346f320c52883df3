/// 128-bit approximations of the powers of ten from 10^-348 to 10^347, for the
/// Eisel–Lemire algorithm: each is the top 128 bits of the exact value, rounded
/// down, normalised so that the high word's top bit is set.
///
/// The table is computed on first use with exact big-integer arithmetic (the
/// powers of five carry all the bits; the powers of two only move the exponent),
/// so no hand-copied constants can be wrong; tests pin a few entries against
/// published tables.
package enum PowersOfTen {
    /// The smallest decimal exponent in the table.
    package static let minimumExponent = -348
    /// The largest decimal exponent in the table.
    package static let maximumExponent = 347

    /// The high words, for 10^minimumExponent first.
    package static let highs: [UInt64] = table.map(\.high)
    /// The low words, for 10^minimumExponent first.
    package static let lows: [UInt64] = table.map(\.low)

    private static var table: [(high: UInt64, low: UInt64)] {
        // 1/5^n as floor(2^1152 / 5^n): at n = 348 that still has over 300 significant bits.
        var reciprocal = [UInt64](repeating: 0, count: 19)
        reciprocal[18] = 1
        var negative: [(high: UInt64, low: UInt64)] = []
        for _ in 1...(-minimumExponent) {
            divide(&reciprocal, by: 5)
            negative.append(topBits(reciprocal))
        }
        var power: [UInt64] = [1]
        var positive: [(high: UInt64, low: UInt64)] = [topBits(power)]
        for _ in 1...maximumExponent {
            multiply(&power, by: 5)
            positive.append(topBits(power))
        }
        return negative.reversed() + positive
    }

    /// The 128 bits below and including the highest set bit of a little-endian number, truncated.
    private static func topBits(_ limbs: [UInt64]) -> (high: UInt64, low: UInt64) {
        guard let top = limbs.lastIndex(where: { $0 != 0 }) else { return (0, 0) }
        func limb(_ index: Int) -> UInt64 { index >= 0 ? limbs[index] : 0 }
        let shift = UInt64(limbs[top].leadingZeroBitCount)
        // Smart shifts: shifting a UInt64 by 64 gives 0, which is what an empty shift needs.
        let high = limb(top) << shift | limb(top - 1) >> (64 - shift)
        let low = limb(top - 1) << shift | limb(top - 2) >> (64 - shift)
        return (high, low)
    }

    private static func divide(_ limbs: inout [UInt64], by divisor: UInt64) {
        var remainder: UInt64 = 0
        for index in limbs.indices.reversed() {
            (limbs[index], remainder) = divisor.dividingFullWidth((high: remainder, low: limbs[index]))
        }
    }

    private static func multiply(_ limbs: inout [UInt64], by factor: UInt64) {
        var carry: UInt64 = 0
        for index in limbs.indices {
            let product = limbs[index].multipliedFullWidth(by: factor)
            let (sum, overflow) = product.low.addingReportingOverflow(carry)
            limbs[index] = sum
            carry = product.high + (overflow ? 1 : 0)
        }
        if carry != 0 { limbs.append(carry) }
    }
}
