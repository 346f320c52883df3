import Foundation

/// Times in run files: ISO 8601 in UTC with milliseconds (`2026-11-22T10:30:15.123Z`),
/// readable by people, `jq` and every date library.
///
/// Only four-digit years have that form: run files hold times from year 1 to the end
/// of 9999. A time read from a file outside that span is not a time (hand-edited or
/// damaged files say `1e300`), and every conversion here keeps to it, so no time can
/// overflow an integer or be written in a form that does not read back.
package enum Timestamp {
    /// The earliest time a run file holds: 0001-01-01T00:00:00Z as Foundation's ISO 8601
    /// formatter reads it (in the Julian calendar, as it reads every date before 1582).
    package static let earliestSeconds: Double = -62_135_769_600
    /// The latest time a run file holds: 9999-12-31T23:59:59.999Z.
    package static let latestSeconds: Double = 253_402_300_799.999

    /// Whether `seconds` since 1970 is a time run files can hold (finite, years 1 to 9999).
    package static func isRepresentable(_ seconds: Double) -> Bool {
        seconds >= earliestSeconds && seconds <= latestSeconds  // false for NaN
    }

    /// `date` brought into the span run files hold (NaN becomes 1970).
    package static func clamped(_ date: Date) -> Date {
        let seconds = date.timeIntervalSince1970
        guard !isRepresentable(seconds) else { return date }
        return Date(timeIntervalSince1970: seconds.isNaN ? 0 : min(max(seconds, earliestSeconds), latestSeconds))
    }

    /// `date` as ISO 8601 UTC with milliseconds; a time outside years 1 to 9999 is
    /// written as the nearest one inside, so the text always reads back.
    package static func string(_ date: Date) -> String {
        formatter(fractional: true).string(from: clamped(date))
    }

    /// Reads ISO 8601 with or without fractional seconds (at most nanoseconds); `nil`
    /// for other text and for times outside years 1 to 9999 (the formatter reads longer
    /// years as nonsense).
    package static func date(_ text: String) -> Date? {
        // Foundation's formatter dies with SIGFPE on some malformed text, such as a long
        // run of digits in the fraction (found by sluice-fuzz): only the shape of an
        // internet date-time reaches it.
        guard hasInternetDateTimeShape(text),
              let date = formatter(fractional: true).date(from: text) ?? formatter(fractional: false).date(from: text),
              isRepresentable(date.timeIntervalSince1970) else { return nil }
        return date
    }

    /// Whether `text` is `YYYY-MM-DDTHH:MM:SS`, then at most nine digits of fraction, then
    /// `Z` or an offset `±HH:MM` (RFC 3339's internet date-time, digits unchecked).
    static func hasInternetDateTimeShape(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Bool {
            range.upperBound <= bytes.count && bytes[range].allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        }
        func byte(_ index: Int, _ allowed: String) -> Bool { index < bytes.count && allowed.utf8.contains(bytes[index]) }
        guard digits(0..<4), byte(4, "-"), digits(5..<7), byte(7, "-"), digits(8..<10), byte(10, "Tt"),
              digits(11..<13), byte(13, ":"), digits(14..<16), byte(16, ":"), digits(17..<19) else { return false }
        var index = 19
        if byte(index, ".") {
            let fraction = bytes[(index + 1)...].prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }.count
            guard (1...9).contains(fraction) else { return false }
            index += 1 + fraction
        }
        if byte(index, "Zz") { return index + 1 == bytes.count }
        return byte(index, "+-") && digits(index + 1..<index + 3) && byte(index + 3, ":") && digits(index + 4..<index + 6)
            && index + 6 == bytes.count
    }

    /// Milliseconds since 1970, as MLflow stores times (of the clamped time, so it fits).
    static func milliseconds(_ date: Date) -> Int64 {
        Int64((clamped(date).timeIntervalSince1970 * 1000).rounded())
    }

    // A formatter per call: ISO8601DateFormatter is not Sendable, and runs are few.
    private static func formatter(fractional: Bool) -> ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = fractional ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        return formatter
    }
}
