/// What bare text in an expression means: a number, a boolean or a name.
extension ExpressionParser {
    /// The value bare `text` denotes, as YAML's core schema would read it (`5` an integer,
    /// `5.0` and `1e-3` reals, `true` a boolean), anything else a name.
    static func classify(_ text: String, column: Int) throws(SearchSpaceError) -> SearchValue {
        switch numberShape(text) {
        case .integer:
            if let value = Int(text.hasPrefix("+") ? String(text.dropFirst()) : text) { return .int(value) }
            throw SearchSpaceError("\(text) is too large for an integer", column: column)
        case .real:
            if let value = Double(text), value.isFinite { return .double(value) }
            throw SearchSpaceError("\(text) is not a finite number", column: column)
        case nil: break
        }
        switch text {
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case "null", "Null", "NULL", "~":
            throw SearchSpaceError("null is not a value a sweep can set", column: column, hint: "quote it ('null') to mean the text")
        default: return .string(text)
        }
    }

    /// The places a number written as `text` has after its point (`0.05` → 2, `1e-3` → 3, `5` → 0).
    static func decimals(_ text: String) -> Int {
        let lowered = text.lowercased()
        let parts = lowered.split(separator: "e", maxSplits: 1, omittingEmptySubsequences: false)
        let fraction = parts[0].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let places = fraction.count > 1 ? fraction[1].count : 0
        let exponent = parts.count > 1 ? Int(parts[1].hasPrefix("+") ? String(parts[1].dropFirst()) : String(parts[1])) ?? 0 : 0
        return max(0, min(places - exponent, 16))
    }

    enum NumberShape { case integer, real }

    /// Matches `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, the core schema's numbers.
    static func numberShape(_ text: String) -> NumberShape? {
        let bytes = Array(text.utf8)
        var index = 0
        func digits() -> Int {
            let start = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - start
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        let integerDigits = digits()
        var shape = NumberShape.integer
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            shape = .real
            if digits() == 0 && integerDigits == 0 { return nil }
        } else if integerDigits == 0 {
            return nil
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            shape = .real
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
            if digits() == 0 { return nil }
        }
        return index == bytes.count ? shape : nil
    }
}
