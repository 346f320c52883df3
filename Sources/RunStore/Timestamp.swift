import Foundation

/// Times in run files: ISO 8601 in UTC with milliseconds (`2026-11-22T10:30:15.123Z`),
/// readable by people, `jq` and every date library.
public enum Timestamp {
    /// `date` as ISO 8601 UTC with milliseconds.
    public static func string(_ date: Date) -> String {
        formatter(fractional: true).string(from: date)
    }

    /// Reads ISO 8601 with or without fractional seconds.
    public static func date(_ text: String) -> Date? {
        formatter(fractional: true).date(from: text) ?? formatter(fractional: false).date(from: text)
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
