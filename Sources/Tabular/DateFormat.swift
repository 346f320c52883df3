/// A date pattern in the `strftime` spelling a `format:` gives, for dates that are
/// not ISO 8601: `%d/%m/%Y`, `%Y%m%d`, `%m/%d/%Y %H:%M`.
///
/// `%Y` is four digits, `%m %d %H %M %S` two (one is accepted too when a
/// non-digit follows), `%f` a fraction of a second, `%z` `Z` or an offset, `%%`
/// a percent sign; every other character must appear as written.
package struct DateFormat: Sendable, Hashable {
    private enum Piece: Hashable { case year, month, day, hour, minute, second, fraction, zone, literal(UInt8) }

    /// The pattern as written.
    package let pattern: String
    private let pieces: [Piece]

    /// The format `pattern`; nil when it uses a directive other than those above or
    /// names no year, month and day.
    package init?(_ pattern: String) {
        var pieces: [Piece] = []
        var bytes = Array(pattern.utf8)[...]
        while let byte = bytes.popFirst() {
            guard byte == UInt8(ascii: "%") else { pieces.append(.literal(byte)); continue }
            switch bytes.popFirst().map({ Unicode.Scalar($0) }) {
            case "Y": pieces.append(.year)
            case "m": pieces.append(.month)
            case "d": pieces.append(.day)
            case "H": pieces.append(.hour)
            case "M": pieces.append(.minute)
            case "S": pieces.append(.second)
            case "f": pieces.append(.fraction)
            case "z": pieces.append(.zone)
            case "%": pieces.append(.literal(UInt8(ascii: "%")))
            default: return nil
            }
        }
        guard pieces.contains(.year), pieces.contains(.month), pieces.contains(.day) else { return nil }
        self.pattern = pattern
        self.pieces = pieces
    }

    /// The directives a pattern may use, for help and error hints.
    package static let directives = "%Y %m %d %H %M %S %f %z %%"

    /// The seconds since 1970 that `text` names in this format, or nil.
    package func parse(_ text: String) -> Double? {
        var cursor = DateTimeParser.Cursor(Array(text.utf8))
        var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0
        var fraction = 0.0, offset = 0.0
        for piece in pieces {
            switch piece {
            case .year: guard let v = cursor.digits(4) else { return nil }; year = v
            case .month: guard let v = cursor.upToTwoDigits() else { return nil }; month = v
            case .day: guard let v = cursor.upToTwoDigits() else { return nil }; day = v
            case .hour: guard let v = cursor.upToTwoDigits(), v < 24 else { return nil }; hour = v
            case .minute: guard let v = cursor.upToTwoDigits(), v < 60 else { return nil }; minute = v
            case .second: guard let v = cursor.upToTwoDigits(), v < 60 else { return nil }; second = v
            case .fraction: guard let v = cursor.fraction() else { return nil }; fraction = v
            case .zone: guard let v = cursor.zone() else { return nil }; offset = v
            case .literal(let byte): guard cursor.take(byte) else { return nil }
            }
        }
        guard cursor.atEnd, DateTimeParser.isValid(year: year, month: month, day: day) else { return nil }
        let days = DateTimeParser.days(year: year, month: month, day: day)
        return Double(days) * 86_400 + Double(hour * 3600 + minute * 60 + second) + fraction - offset
    }
}

extension DateTimeParser.Cursor {
    /// Two digits, or one when the next byte is not a digit (`1/5/2024`).
    mutating func upToTwoDigits() -> Int? {
        guard let first = digits(1) else { return nil }
        if let second = digits(1) { return first * 10 + second }
        return first
    }
}
