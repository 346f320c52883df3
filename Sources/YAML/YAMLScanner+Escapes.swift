import Basics

// Escape sequences of double-quoted scalars.
extension YAMLScanner {
    /// Decodes the escape sequence at the current `\` and appends its UTF-8 bytes.
    mutating func scanEscape(into out: inout [UInt8]) throws(Diagnostic) {
        let start = mark
        let code = peek(1)
        var hexDigits = 0
        switch code {
        case UInt8(ascii: "0"): out.append(0x00)
        case UInt8(ascii: "a"): out.append(0x07)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "t"), 0x09: out.append(0x09)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "v"): out.append(0x0B)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "e"): out.append(0x1B)
        case 0x20, UInt8(ascii: "\""), UInt8(ascii: "/"), UInt8(ascii: "\\"): out.append(code)
        case UInt8(ascii: "N"): Self.appendScalar(0x85, to: &out)
        case UInt8(ascii: "_"): Self.appendScalar(0xA0, to: &out)
        case UInt8(ascii: "L"): Self.appendScalar(0x2028, to: &out)
        case UInt8(ascii: "P"): Self.appendScalar(0x2029, to: &out)
        case UInt8(ascii: "x"): hexDigits = 2
        case UInt8(ascii: "u"): hexDigits = 4
        case UInt8(ascii: "U"): hexDigits = 8
        default:
            let shown = code == 0 ? "\\" : "\\" + String(decoding: [code], as: UTF8.self)
            throw error(
                "invalid escape '\(code < 0x80 ? shown : "\\…")' in a double-quoted string", at: start,
                hint: "valid escapes are \\0 \\a \\b \\t \\n \\v \\f \\r \\e \\\" \\/ \\\\ \\N \\_ \\L \\P "
                    + "\\xXX \\uXXXX \\UXXXXXXXX; write \\\\ for a backslash, or use single quotes")
        }
        advance(by: 2)
        guard hexDigits > 0 else { return }
        var value: UInt32 = 0
        for index in 0..<hexDigits {
            guard let digit = peek(index).hexDigitValue else {
                throw error(
                    "the escape '\\\(Character(Unicode.Scalar(code)))' needs \(hexDigits) hexadecimal digits",
                    at: start, hint: "write exactly \(hexDigits) digits 0-9 or A-F after it")
            }
            value = value << 4 | digit
        }
        guard Unicode.Scalar(value) != nil else {
            throw error(
                "the escape at this position encodes U+\(String(value, radix: 16, uppercase: true)), "
                    + "which is not a Unicode scalar value", at: start,
                hint: "surrogates and values above 10FFFF cannot be written in YAML")
        }
        Self.appendScalar(value, to: &out)
        advance(by: hexDigits)
    }

    /// Appends the UTF-8 encoding of the valid scalar value `value`.
    static func appendScalar(_ value: UInt32, to out: inout [UInt8]) {
        guard let scalar = Unicode.Scalar(value), let encoded = UTF8.encode(scalar) else { return }
        out.append(contentsOf: encoded)
    }
}
