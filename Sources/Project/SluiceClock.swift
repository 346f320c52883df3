import Basics
import Foundation
import RunStore

/// The time sluice stamps runs with and measures ages against.
///
/// `SLUICE_NOW` (seconds since 1970, or ISO 8601 such as `2026-11-22T10:30:15Z`)
/// fixes it, so tests and documentation examples get the same ids, times and ages
/// on every machine.
package enum SluiceClock {
    /// The earliest `SLUICE_NOW`: 1970-01-01T00:00:00Z.
    package static let earliestSeconds: Double = 0
    /// The latest `SLUICE_NOW`: the last millisecond of 9999, the end of four-digit
    /// years (run ids and run files write the year with four digits).
    package static let latestSeconds = Timestamp.latestSeconds

    /// Now, or the time `SLUICE_NOW` gives; a time outside 1970–9999 is refused, since
    /// no run id, run file or age can hold it.
    package static func now(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws(Diagnostic) -> Date {
        guard let text = environment["SLUICE_NOW"], !text.isEmpty else { return Date() }
        guard let date = parse(text) else {
            throw .error("SLUICE_NOW='\(text)' is not a time",
                         hint: "give seconds since 1970 or an ISO 8601 time such as 2026-11-22T10:30:15Z, or unset it")
        }
        let seconds = date.timeIntervalSince1970
        guard seconds >= earliestSeconds && seconds <= latestSeconds else {
            throw .error("SLUICE_NOW='\(text)' lies outside 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z",
                         hint: "give seconds since 1970 from 0 to 253402300799, or an ISO 8601 time in those years, or unset it")
        }
        return date
    }

    /// The time `text` gives, as seconds or ISO 8601; `nil` when it is neither.
    private static func parse(_ text: String) -> Date? {
        guard let seconds = Double(text) else { return Timestamp.date(text) }
        return seconds.isFinite ? Date(timeIntervalSince1970: seconds) : nil  // "nan" and "inf" are not times
    }
}
