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

    /// The parts of `seconds` (since 1970, UTC; NaN, and a time no calendar date holds,
    /// stays NaN in every part).
    package func transform(_ seconds: [Double], name: String) -> [(name: String, column: Column)] {
        var outputs = Array(repeating: [Double](repeating: .nan, count: seconds.count), count: parts.count)
        for (row, value) in seconds.enumerated() where value.isFinite {
            guard let fields = Self.fields(value) else { continue }
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

    /// The civil date of `seconds` (proleptic Gregorian, as `DateTimeParser` reads it),
    /// or `nil` for a time too far from 1970 to have one (a damaged or hand-made value).
    static func fields(_ seconds: Double) -> (year: Int, month: Int, day: Int, weekday: Int, hour: Int)? {
        let days = (seconds / 86_400).rounded(.down)
        guard abs(days) < 4_000_000_000 else { return nil }
        let wholeDays = Int(days)
        let hour = Int(((seconds - days * 86_400) / 3_600).rounded(.down))
        let weekday = ((wholeDays + 3) % 7 + 7) % 7  // 1970-01-01 was a Thursday (3)
        let (year, month, day) = DateTimeParser.civil(days: wholeDays)
        return (year, month, day, weekday, min(max(hour, 0), 23))
    }
}
