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
        // Foundation's formatter dies with SIGFPE on a fraction of 35 digits or more
        // (found by sluice-fuzz), so such text never reaches it.
        guard fractionDigits(of: text) <= 9 else { return nil }
        return formatter(fractional: true).date(from: text) ?? formatter(fractional: false).date(from: text)
    }

    /// The number of digits after the first `.` of `text` (0 when it has none).
    static func fractionDigits(of text: String) -> Int {
        guard let dot = text.utf8.firstIndex(of: UInt8(ascii: ".")) else { return 0 }
        return text.utf8[text.utf8.index(after: dot)...].prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }.count
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
