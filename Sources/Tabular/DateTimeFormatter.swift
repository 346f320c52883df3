/// Writes seconds since 1970 the way `DateTimeParser` reads them back.
package enum DateTimeFormatter {
    /// `2024-03-01` for a midnight, else `2024-03-01 13:05:09` with a fraction
    /// (`.25`) when the time has one; empty for NaN and infinities. A time before
    /// year 1 or after 9999 has no such spelling and is written as its seconds.
    package static func format(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "" }
        let days = (seconds / 86_400).rounded(.down)
        guard abs(days) < 4_000_000 else { return CSVWriter.format(seconds) }
        var remainder = seconds - days * 86_400
        let (year, month, day) = DateTimeParser.civil(days: Int(days))
        guard (1...9999).contains(year) else { return CSVWriter.format(seconds) }
        let date = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        guard remainder > 0 else { return date }
        let whole = Int(remainder.rounded(.down))
        remainder -= Double(whole)
        var text = "\(date) \(pad(whole / 3600, 2)):\(pad(whole / 60 % 60, 2)):\(pad(whole % 60, 2))"
        // Microseconds: finer digits are below what a double of this size holds.
        let micros = Int((remainder * 1_000_000).rounded())
        if micros > 0 && micros < 1_000_000 {
            var digits = pad(micros, 6)
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return text
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(abs(value))
        return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
