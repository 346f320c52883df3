import Foundation

/// Run ids: `YYYYMMDD-HHMMSS-xxxx`, the UTC start second and four random hex digits.
///
/// The time comes first so that `ls runs/` is chronological; the suffix keeps two
/// runs started in the same second apart (`RunStore.create` draws again on a clash).
package enum RunID {
    /// A new id for a run starting at `date`.
    package static func make(at date: Date, using generator: inout some RandomNumberGenerator) -> String {
        let suffix = String(UInt16.random(in: 0...UInt16.max, using: &generator), radix: 16)
        return stamp(date) + "-" + String(repeating: "0", count: 4 - suffix.count) + suffix
    }

    /// `YYYYMMDD-HHMMSS` of `date` in UTC. A date outside years 1 to 9999 stamps as
    /// the nearest one inside: an id of another shape would be a folder no command sees.
    static func stamp(_ date: Date) -> String {
        // Clamped, the seconds fit time_t and the year has at most four digits.
        var seconds = time_t(Timestamp.clamped(date).timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func padded(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return padded(parts.tm_year + 1900, 4) + padded(parts.tm_mon + 1, 2) + padded(parts.tm_mday, 2) + "-"
            + padded(parts.tm_hour, 2) + padded(parts.tm_min, 2) + padded(parts.tm_sec, 2)
    }

    /// Whether `name` has the shape of a run id (so other files in runs/ are ignored).
    package static func isValid(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard bytes.count == 20, bytes[8] == UInt8(ascii: "-"), bytes[15] == UInt8(ascii: "-") else { return false }
        let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        let isHex = { (byte: UInt8) in isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte) }
        return bytes[0..<8].allSatisfy(isDigit) && bytes[9..<15].allSatisfy(isDigit) && bytes[16..<20].allSatisfy(isHex)
    }
}
