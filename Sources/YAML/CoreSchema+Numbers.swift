// Integers and floats of the core schema, matched on bytes before conversion so that
// Swift's more liberal parsers (which accept "nan", "0x1p3", "1_000") never decide.
extension CoreSchema {
    /// The integer or float `text` denotes, or `nil` when it is not a core-schema number.
    ///
    /// Integers that do not fit in `Int` become the nearest `Double`.
    static func number(_ text: String) -> YAMLNode.Value? {
        var text = text
        let shape = text.withUTF8 { bytes -> NumberShape? in
            if let radixValue = radixInteger(bytes) { return .radix(radixValue) }
            if let decimal = decimalShape(bytes) { return decimal }
            return nil
        }
        switch shape {
        case .radix(let value): return value
        case .integer(let value?): return .int(value)
        case .integer(nil), .float: return Double(text).map { .double($0) }
        case nil: return specialFloat(text).map { .double($0) }
        }
    }

    private enum NumberShape {
        case radix(YAMLNode.Value)
        /// A decimal integer, with its value when it fits in `Int`.
        case integer(Int?)
        case float
    }

    /// Matches `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`.
    private static func decimalShape(_ bytes: UnsafeBufferPointer<UInt8>) -> NumberShape? {
        var index = 0
        var negative = false
        if index < bytes.count && (bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+")) {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        let integerStart = index
        var value = 0
        var overflowed = false
        while index < bytes.count && bytes[index].isDecimalDigit {
            let digit = Int(bytes[index] - UInt8(ascii: "0"))
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            overflowed = overflowed || overflow1 || overflow2
            value = sum
            index += 1
        }
        let integerDigits = index - integerStart
        var isFloat = false
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
            isFloat = true
            index += 1
            let fractionStart = index
            while index < bytes.count && bytes[index].isDecimalDigit { index += 1 }
            if integerDigits == 0 && index == fractionStart { return nil }
        } else if integerDigits == 0 {
            return nil
        }
        if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            isFloat = true
            index += 1
            if index < bytes.count && (bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+")) { index += 1 }
            let exponentStart = index
            while index < bytes.count && bytes[index].isDecimalDigit { index += 1 }
            if index == exponentStart { return nil }
        }
        guard index == bytes.count else { return nil }
        return isFloat ? .float : .integer(overflowed ? nil : value)
    }

    /// `0o17` and `0x1F` (no sign, as in the core schema).
    private static func radixInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> YAMLNode.Value? {
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
