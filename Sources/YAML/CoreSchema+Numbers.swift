// Integers and floats of the core schema, matched on bytes before conversion so that
// Swift's more liberal parsers (which accept "nan", "0x1p3", "1_000") never decide.
extension CoreSchema {
    /// The integer or float `text` denotes, or `nil` when it is not a core-schema number.
    ///
    /// Integers that do not fit in `Int` become the nearest `Double`.
    static func number(_ text: String) -> YAMLNode.Value? {
        let bytes = Array(text.utf8)
        if let radixValue = radixInteger(bytes) { return radixValue }
        if let special = specialFloat(text) { return .double(special) }
        guard let shape = decimalShape(bytes) else { return nil }
        if shape == .integer, let value = Int(text) { return .int(value) }
        return Double(text).map { .double($0) }
    }

    private enum DecimalShape { case integer, float }

    /// Matches `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`.
    private static func decimalShape(_ bytes: [UInt8]) -> DecimalShape? {
        var index = 0
        if index < bytes.count && (bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+")) { index += 1 }
        let integerStart = index
        while index < bytes.count && bytes[index].isDecimalDigit { index += 1 }
        let integerDigits = index - integerStart
        var shape = DecimalShape.integer
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
            shape = .float
            index += 1
            let fractionStart = index
            while index < bytes.count && bytes[index].isDecimalDigit { index += 1 }
            if integerDigits == 0 && index == fractionStart { return nil }
        } else if integerDigits == 0 {
            return nil
        }
        if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            shape = .float
            index += 1
            if index < bytes.count && (bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+")) { index += 1 }
            let exponentStart = index
            while index < bytes.count && bytes[index].isDecimalDigit { index += 1 }
            if index == exponentStart { return nil }
        }
        return index == bytes.count ? shape : nil
    }

    /// `0o17` and `0x1F` (no sign, as in the core schema).
    private static func radixInteger(_ bytes: [UInt8]) -> YAMLNode.Value? {
        guard bytes.count > 2, bytes[0] == UInt8(ascii: "0") else { return nil }
        let radix: Int
        switch bytes[1] {
        case UInt8(ascii: "o"): radix = 8
        case UInt8(ascii: "x"): radix = 16
        default: return nil
        }
        var value = 0
        var approximate = 0.0
        var overflowed = false
        for byte in bytes[2...] {
            guard let digit = byte.hexDigitValue.map(Int.init), digit < radix else { return nil }
            approximate = approximate * Double(radix) + Double(digit)
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: radix)
            let (sum, overflow2) = shifted.addingReportingOverflow(digit)
            overflowed = overflowed || overflow1 || overflow2
            value = sum
        }
        return overflowed ? .double(approximate) : .int(value)
    }

    /// `.inf`, `-.inf`, `+.inf`, `.nan` in their three spellings.
    private static func specialFloat(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: return nil
        }
    }
}
