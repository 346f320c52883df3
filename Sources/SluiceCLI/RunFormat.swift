import Basics
import Foundation
import RunStore

/// How run values look in tables: short, stable, and the same in every command.
enum RunFormat {
    /// A value: numbers as `NumberFormat.human` writes them, strings bare, others as compact JSON; `-` when absent.
    static func value(_ value: JSONValue?) -> String {
        switch value {
        case nil: "-"
        case .string(let text)?: text
        case .double(let number)?: NumberFormat.human(number)
        case let other?: JSONWriter.canonical.string(other)
        }
    }

    /// A difference with its sign: `+0.25`, `-3`.
    static func delta(_ delta: Double) -> String {
        (delta > 0 ? "+" : "") + NumberFormat.human(delta)
    }

    /// A duration: `0.42s` under ten seconds, `12.5s` under a minute, then `4m 05s`, `2h 03m`;
    /// `-` when unknown or not a duration (negative, not finite, or beyond
    /// `longestShown`, as a damaged run.json may say).
    static func duration(_ seconds: Double?) -> String {
        guard let seconds, seconds.isFinite, seconds >= 0, seconds <= longestShown else { return "-" }
        if seconds < 10 { return String(format: "%.2fs", seconds) }
        if seconds < 60 { return String(format: "%.1fs", seconds) }
        let whole = Int(seconds.rounded())  // fits: at most longestShown
        if whole < 3600 { return "\(whole / 60)m " + twoDigits(whole % 60) + "s" }
        return "\(whole / 3600)h " + twoDigits(whole % 3600 / 60) + "m"
    }

    /// The longest span shown as a duration or an age: about 31.7 million years, far
    /// more than any run lasts yet small enough to count in whole seconds.
    static let longestShown: Double = 1e15

    /// How long ago `date` was, in the largest whole unit: `45s`, `3m`, `5h`, `2d`
    /// (`0s` for a time after `now`; `-` when too far back to be a run's time).
    static func age(_ date: Date, now: Date) -> String {
        let interval = now.timeIntervalSince(date)
        guard interval.isFinite, interval <= longestShown else { return "-" }
        let seconds = Int(max(0, interval))  // fits: at most longestShown
        switch seconds {
        case ..<60: return "\(seconds)s"
        case ..<3600: return "\(seconds / 60)m"
        case ..<86_400: return "\(seconds / 3600)h"
        default: return "\(seconds / 86_400)d"
        }
    }

    /// A time in UTC to the second: `2026-11-22 10:30:15 UTC`.
    static func time(_ date: Date) -> String {
        let iso = Timestamp.string(date)  // 2026-11-22T10:30:15.123Z: four-digit years only
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(8)) + " UTC"
    }

    /// `value` with a leading zero below ten.
    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// The commit cell: seven characters and `*` when the tree was dirty; `-` outside git.
    static func commit(_ git: GitState?) -> String { git?.short ?? "-" }
}
