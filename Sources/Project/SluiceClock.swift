import Basics
import Foundation

/// The time sluice stamps runs with and measures ages against.
///
/// `SLUICE_NOW` (seconds since 1970, or ISO 8601 such as `2026-11-22T10:30:15Z`)
/// fixes it, so tests and documentation examples get the same ids, times and ages
/// on every machine.
package enum SluiceClock {
    /// Now, or the time `SLUICE_NOW` gives.
    package static func now(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws(Diagnostic) -> Date {
        guard let text = environment["SLUICE_NOW"], !text.isEmpty else { return Date() }
        if let seconds = Double(text), seconds.isFinite { return Date(timeIntervalSince1970: seconds) }
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        throw .error("SLUICE_NOW='\(text)' is not a time",
                     hint: "give seconds since 1970 or an ISO 8601 time such as 2026-11-22T10:30:15Z, or unset it")
    }
}
