/// Decimal text to `Double`, giving exactly the value `Double(String)` (strtod) gives.
///
/// CSV reading spends most of its time here, so the common cases are computed
/// directly. Up to 19 significant digits with a mantissa and power of ten that are
/// exact doubles take Clinger's fast path, where one correctly rounded operation is
/// the correctly rounded result. Other numbers of up to 19 digits (such as the 17
/// digits of shortest round-trip output) take the Eisel–Lemire path. Anything else
/// (more digits, subnormals, the rare case Eisel–Lemire cannot decide) is handed to
/// `Double(String)`, so the result never depends on which path ran.
///
/// Accepted: an optional sign, digits with an optional `.` (`1.`, `.5`), an optional
/// exponent with at least one digit, and `inf`/`infinity` in any case. `nan` is not
/// a number here: missing-value tokens decide what is missing.
package enum FloatParser {
    /// The value of the whole of `text`, or nil when it is not a number.
    package static func parse(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// The value of the whole of `bytes`, or nil when they are not a number.
    package static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let start = bytes.baseAddress, !bytes.isEmpty else { return nil }
        let end = start + bytes.count
        guard let (value, next) = parsePrefix(start, end), next == end else { return nil }
        return value
    }

    /// The number at the start of `start..<end` and the first byte after it, or nil
    /// when no number starts there. The caller decides whether what follows may
    /// follow a number (a delimiter or a line end in CSV).
    @inline(__always)
    static func parsePrefix(
        _ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>
    ) -> (Double, UnsafePointer<UInt8>)? {
        var p = start
        var negative = false
        if p < end && (p.pointee == UInt8(ascii: "-") || p.pointee == UInt8(ascii: "+")) {
            negative = p.pointee == UInt8(ascii: "-")
            p += 1
        }
        // Leading zeros carry no precision; skip them so `digits` counts only significant ones.
        let integerStart = p
        while p < end && p.pointee == UInt8(ascii: "0") { p += 1 }
        var mantissa: UInt64 = 0
        let significantStart = p
        accumulateDigits(&p, end, into: &mantissa)
        var digits = p - significantStart
        var sawDigit = p > integerStart
        var exponent = 0
        if p < end && p.pointee == UInt8(ascii: ".") {
            p += 1
            let fractionStart = p
            if digits == 0 {
                while p < end && p.pointee == UInt8(ascii: "0") { p += 1 }
            }
            let fractionSignificantStart = p
            accumulateDigits(&p, end, into: &mantissa)
            digits += p - fractionSignificantStart
            exponent = fractionStart - p
            sawDigit = sawDigit || p > fractionStart
        }
        guard sawDigit else { return parseInfinity(p, end, negative: negative) }
        if p < end && p.pointee | 0x20 == UInt8(ascii: "e") {
            guard let written = parseExponent(&p, end) else { return nil }
            exponent += written
        }
        // Past 19 digits `mantissa` has wrapped; the text itself is still well formed.
        if digits > 19 { return fallback(start, p) }
        if mantissa == 0 { return (negative ? -0.0 : 0.0, p) }
        guard let magnitude = exact(mantissa, exponent) ?? eiselLemire(mantissa, exponent) else {
            return fallback(start, p)
        }
        return (negative ? -magnitude : magnitude, p)
    }

    /// Appends the digits at `p` to `mantissa` (wrapping past 19 digits, which the
    /// caller detects by counting) and moves `p` past them.
    ///
    /// Eight digits at a time where eight bytes remain: the loop exit of a digit at a
    /// time is mispredicted once per number, and CSV fields hold many numbers.
    @inline(__always)
    private static func accumulateDigits(
        _ p: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, into mantissa: inout UInt64
    ) {
        while end - p >= 8 {
            let word = UnsafeRawPointer(p).loadUnaligned(as: UInt64.self).littleEndian
            guard isEightDigits(word) else { break }
            mantissa = mantissa &* 100_000_000 &+ eightDigitsValue(word)
            p += 8
        }
        while p < end {
            let digit = p.pointee &- UInt8(ascii: "0")
            if digit > 9 { break }
            mantissa = mantissa &* 10 &+ UInt64(digit)
            p += 1
        }
    }

    /// Whether all eight bytes of `word` are ASCII digits.
    @inline(__always)
    private static func isEightDigits(_ word: UInt64) -> Bool {
        // A digit is 0x30...0x39: its high nibble is 3, and adding 6 keeps it 3.
        (word & 0xF0F0_F0F0_F0F0_F0F0) | (((word &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0) >> 4)
            == 0x3333_3333_3333_3333
    }

    /// The value of eight ASCII digits, the first in the lowest byte (SWAR: pairs,
    /// then quadruples, then the whole, with three multiplications).
    @inline(__always)
    private static func eightDigitsValue(_ word: UInt64) -> UInt64 {
        let mask: UInt64 = 0x0000_00FF_0000_00FF
        let mul1: UInt64 = 0x000F_4240_0000_0064  // 100 + (1_000_000 << 32)
        let mul2: UInt64 = 0x0000_2710_0000_0001  // 1 + (10_000 << 32)
        var value = word &- 0x3030_3030_3030_3030
        value = value &* 10 &+ (value >> 8)
        return ((value & mask) &* mul1 &+ ((value >> 16) & mask) &* mul2) >> 32
    }

    /// The exponent after the `e` at `p`, moving `p` past it; nil when it has no digits.
    /// Kept out of line so that the common path stays small enough to inline.
    @inline(never)
    private static func parseExponent(_ p: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Int? {
        p += 1
        var negative = false
        if p < end && (p.pointee == UInt8(ascii: "-") || p.pointee == UInt8(ascii: "+")) {
            negative = p.pointee == UInt8(ascii: "-")
            p += 1
        }
        var value = 0
        let digitsStart = p
        while p < end {
            let digit = p.pointee &- UInt8(ascii: "0")
            if digit > 9 { break }
            // Saturate: past a million the value is 0 or infinity either way.
            if value < 1_000_000 { value = value * 10 + Int(digit) }
            p += 1
        }
        guard p > digitsStart else { return nil }
        return negative ? -value : value
    }

    /// `mantissa × 10^exponent` when both factors are exact doubles, so that one
    /// rounding gives the correctly rounded result; nil otherwise.
    @inline(__always)
    private static func exact(_ mantissa: UInt64, _ exponent: Int) -> Double? {
        let limit: UInt64 = 1 << 53
        guard mantissa <= limit else { return nil }
        if exponent >= 0 && exponent <= 22 { return Double(mantissa) * powerOfTen(exponent) }
        if exponent < 0 && exponent >= -22 { return Double(mantissa) / powerOfTen(-exponent) }
        // `123e25` is `1230000e22`: move zeros into the mantissa while it stays exact.
        if exponent > 22 && exponent <= 22 + 15 {
            let shifted = mantissa.multipliedReportingOverflow(by: UInt64(powerOfTen(exponent - 22)))
            if !shifted.overflow && shifted.partialValue <= limit { return Double(shifted.partialValue) * 1e22 }
        }
        return nil
    }

    /// 10^n for n in 0...22, all exactly representable.
    @inline(__always)
    private static func powerOfTen(_ n: Int) -> Double { powersOfTen[n] }

    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// `inf` or `infinity` (any case) after an optional sign.
    @inline(never)
    private static func parseInfinity(
        _ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, negative: Bool
    ) -> (Double, UnsafePointer<UInt8>)? {
        func matches(_ word: StaticString) -> Bool {
            guard end - start >= word.utf8CodeUnitCount else { return false }
            for i in 0..<word.utf8CodeUnitCount where start[i] | 0x20 != word.utf8Start[i] { return false }
            return true
        }
        let value = negative ? -Double.infinity : Double.infinity
        if matches("infinity") { return (value, start + 8) }
        if matches("inf") { return (value, start + 3) }
        return nil
    }

    /// The standard library's (strtod's) reading of text this parser has already
    /// checked, for the inputs the fast path cannot round exactly.
    @inline(never)
    private static func fallback(
        _ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>
    ) -> (Double, UnsafePointer<UInt8>)? {
        let text = String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
        return Double(text).map { ($0, end) }
    }
}
