/// Reads dates and times as seconds since 1970-01-01 00:00:00 UTC.
///
/// Without a format it accepts ISO 8601 and the common spreadsheet form:
/// `YYYY-MM-DD`, then optionally `T` or a space and `HH:MM`, `:SS`, a fraction
/// (`.123`), and `Z` or an offset (`+02:00`, `+0200`, `-05`). A time without a zone
/// is taken as UTC, as pandas does for naive timestamps. Other spellings
/// (`05/01/2024`) are not guessed: day-first and month-first cannot be told apart,
/// so such columns need a `format:`.
package enum DateTimeParser {
    /// The seconds `text` names, or nil when it is not such a date or time.
    package static func parse(_ text: Substring) -> Double? {
        var cursor = Cursor(Array(text.utf8))
        guard let days = cursor.date() else { return nil }
        var seconds = Double(days) * 86_400
        if cursor.atEnd { return seconds }
        guard cursor.take(UInt8(ascii: "T")) || cursor.take(UInt8(ascii: " ")),
              let time = cursor.time() else { return nil }
        seconds += time
        if cursor.atEnd { return seconds }
        guard let offset = cursor.zone(), cursor.atEnd else { return nil }
        return seconds - offset
    }

    /// The seconds `text` names, or nil.
    package static func parse(_ text: String) -> Double? { parse(text[...]) }

    /// Days from 1970-01-01 to the given day of the proleptic Gregorian calendar
    /// (Howard Hinnant's `days_from_civil`).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The year, month and day of `days` after 1970-01-01 (`civil_from_days`).
    static func civil(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Whether `day` exists in `month` of `year`.
    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    /// A position in the bytes of one cell.
    struct Cursor {
        let bytes: [UInt8]
        var position = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { position == bytes.count }

        /// Consumes `byte` when it comes next.
        mutating func take(_ byte: UInt8) -> Bool {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        /// Exactly `count` decimal digits as a number.
        mutating func digits(_ count: Int) -> Int? {
            guard position + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[position..<position + count] {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            position += count
            return value
        }

        /// `YYYY-MM-DD` as days since 1970-01-01.
        mutating func date() -> Int? {
            guard let year = digits(4), take(UInt8(ascii: "-")), let month = digits(2), take(UInt8(ascii: "-")),
                  let day = digits(2), DateTimeParser.isValid(year: year, month: month, day: day)
            else { return nil }
            return DateTimeParser.days(year: year, month: month, day: day)
        }

        /// `HH:MM`, optionally `:SS` and a fraction, as seconds since midnight.
        mutating func time() -> Double? {
            guard let hour = digits(2), hour < 24, take(UInt8(ascii: ":")), let minute = digits(2), minute < 60
            else { return nil }
            var seconds = Double(hour * 3600 + minute * 60)
            guard take(UInt8(ascii: ":")) else { return seconds }
            guard let second = digits(2), second < 60 else { return nil }
            seconds += Double(second)
            if take(UInt8(ascii: ".")) || take(UInt8(ascii: ",")) {
                guard let fraction = fraction() else { return nil }
                seconds += fraction
            }
            return seconds
        }

        /// One or more digits after a decimal point, as a fraction of a second.
        mutating func fraction() -> Double? {
            var value = 0.0, scale = 1.0, count = 0
            while position < bytes.count, bytes[position] >= 0x30 && bytes[position] <= 0x39 {
                if count < 9 { value = value * 10 + Double(bytes[position] - 0x30); scale *= 10 }
                count += 1
                position += 1
            }
            return count == 0 ? nil : value / scale
        }

        /// `Z`, `±HH`, `±HHMM` or `±HH:MM` as seconds east of UTC.
        mutating func zone() -> Double? {
            if take(UInt8(ascii: "Z")) { return 0 }
            let sign: Double
            if take(UInt8(ascii: "+")) { sign = 1 } else if take(UInt8(ascii: "-")) { sign = -1 } else { return nil }
            guard let hours = digits(2), hours <= 14 else { return nil }
            if atEnd { return sign * Double(hours * 3600) }
            _ = take(UInt8(ascii: ":"))
            guard let minutes = digits(2), minutes < 60 else { return nil }
            return sign * Double(hours * 3600 + minutes * 60)
        }
    }
}
