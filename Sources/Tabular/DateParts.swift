/// Expands a date column into numeric parts, in UTC: `year, month, day, dayofweek`
/// (Monday 0 … Sunday 6, as pandas), `hour` and `is_weekend` (1 on Saturday and Sunday).
package struct DateParts: Sendable, Hashable {
    /// One part of a date.
    package enum Part: String, Sendable, Hashable, CaseIterable {
        case year, month, day, dayofweek, hour
        case isWeekend = "is_weekend"
    }

    /// The parts written, in this order.
    package var parts: [Part]

    /// An expansion into `parts` (all of them by default).
    package init(parts: [Part] = Part.allCases) { self.parts = parts }

    /// The output column names for the column `name`: `name_year`, ….
    package func outputNames(_ name: String) -> [String] { parts.map { "\(name)_\($0.rawValue)" } }

    /// The parts of `seconds` (since 1970, UTC; NaN stays NaN in every part).
    package func transform(_ seconds: [Double], name: String) -> [(name: String, column: Column)] {
        var outputs = Array(repeating: [Double](repeating: .nan, count: seconds.count), count: parts.count)
        for (row, value) in seconds.enumerated() where value.isFinite {
            let fields = Self.fields(value)
            for (index, part) in parts.enumerated() {
                outputs[index][row] = switch part {
                case .year: Double(fields.year)
                case .month: Double(fields.month)
                case .day: Double(fields.day)
                case .dayofweek: Double(fields.weekday)
                case .hour: Double(fields.hour)
                case .isWeekend: fields.weekday >= 5 ? 1 : 0
                }
            }
        }
        return zip(outputNames(name), outputs).map { (name: $0, column: .numeric($1)) }
    }

    /// The civil date of `seconds` (Howard Hinnant's days-to-civil, proleptic Gregorian).
    static func fields(_ seconds: Double) -> (year: Int, month: Int, day: Int, weekday: Int, hour: Int) {
        let days = Int((seconds / 86_400).rounded(.down))
        let hour = Int(((seconds - Double(days) * 86_400) / 3_600).rounded(.down))
        let weekday = ((days + 3) % 7 + 7) % 7  // 1970-01-01 was a Thursday (3)
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day, weekday, min(hour, 23))
    }
}
