import Foundation

/// Times in run files: ISO 8601 in UTC with milliseconds (`2026-11-22T10:30:15.123Z`),
/// readable by people, `jq` and every date library.
public enum Timestamp {
    /// `date` as ISO 8601 UTC with milliseconds.
    public static func string(_ date: Date) -> String {
        formatter(fractional: true).string(from: date)
    }

    /// Reads ISO 8601 with or without fractional seconds (at most nanoseconds).
    public static func date(_ text: String) -> Date? {
        // Foundation's formatter dies with SIGFPE on some malformed text, such as a long
        // run of digits in the fraction (found by sluice-fuzz): only the shape of an
        // internet date-time reaches it.
        guard hasInternetDateTimeShape(text) else { return nil }
        return formatter(fractional: true).date(from: text) ?? formatter(fractional: false).date(from: text)
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

    /// Milliseconds since 1970, as MLflow stores times.
    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    // A formatter per call: ISO8601DateFormatter is not Sendable, and runs are few.
    private static func formatter(fractional: Bool) -> ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = fractional ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        return formatter
    }
}
