import Foundation

/// Numbers for people: short, rounded, and the same everywhere text is shown.
///
/// The rule: five significant digits, trailing zeros dropped; plain decimals from
/// 0.0001 up to (not including) one million, exponent form outside that range with
/// a bare exponent (`1.2346e6`, `2.5e-7`), never thousands separators (they read as
/// list separators in CSV-minded tools and differ by locale). So
/// `3.968546622909052` → `3.9685`, `1234567` → `1.2346e6`, `0.00012` → `0.00012`,
/// `120000` → `120000`. NaN is `nan`, infinities `inf` and `-inf`. Rounding is the
/// C library's (correct rounding of the binary value), independent of the locale.
package enum NumberFormat {
    /// `value` with `significantDigits` significant digits (at least 1, at most 17).
    package static func human(_ value: Double, significantDigits: Int = 5) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : value > 0 ? "inf" : "-inf" }
        if value == 0 { return "0" }
        let digits = min(max(significantDigits, 1), 17)
        // The exponent after rounding to `digits`, so 9.99996 counts as 10, not 9.
        let scientific = String(format: "%.*e", Int32(digits - 1), value)
        guard let mark = scientific.firstIndex(where: { $0 == "e" || $0 == "E" }),
            let exponent = Int(scientific[scientific.index(after: mark)...])
        else { return scientific }
        if exponent >= -4 && exponent < 6 {
            let decimals = max(0, digits - 1 - exponent)
            return trimmed(String(format: "%.*f", Int32(decimals), value))
        }
        return trimmed(String(scientific[..<mark])) + "e" + String(exponent)
    }

    /// A tick label: like `human`, but with as many digits as it takes to tell
    /// neighbouring ticks `step` apart (ticks 1000.001, 1000.002 must not all read `1000`).
    package static func tick(_ value: Double, step: Double) -> String {
        guard value.isFinite, step.isFinite, step > 0 else { return human(value) }
        // A tick within a rounding error of zero is zero (0.1 + 0.2 - 0.3 is not).
        if abs(value) < step * 1e-9 { return "0" }
        let needed = Int((log10(abs(value)).rounded(.down) - log10(step).rounded(.down))) + 2
        return human(value, significantDigits: max(5, min(needed, 17)))
    }

    /// Drops trailing zeros after a decimal point, and the point itself when nothing follows.
    private static func trimmed(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var result = Substring(text)
        while result.last == "0" { result = result.dropLast() }
        if result.last == "." { result = result.dropLast() }
        return result == "-0" ? "0" : String(result)
    }
}
