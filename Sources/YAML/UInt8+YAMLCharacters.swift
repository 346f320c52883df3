// Character classes of the YAML 1.2 grammar, on UTF-8 bytes. Every class that matters
// for structure is ASCII, so a multi-byte character never needs decoding to be
// classified: its bytes are all >= 0x80 and fall into "ordinary content".

extension UInt8 {
    /// Space or tab (`s-white`).
    var isBlank: Bool { self == 0x20 || self == 0x09 }

    /// Line feed or carriage return (`b-char`).
    var isBreak: Bool { self == 0x0A || self == 0x0D }

    /// Blank, break, or the end-of-input sentinel 0 (the input never contains NUL).
    var isBlankOrBreakOrEnd: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D || self == 0 }

    /// Break or the end-of-input sentinel.
    var isBreakOrEnd: Bool { self == 0x0A || self == 0x0D || self == 0 }

    /// `,`, `[`, `]`, `{` or `}`.
    var isFlowIndicator: Bool {
        self == UInt8(ascii: ",") || self == UInt8(ascii: "[") || self == UInt8(ascii: "]")
            || self == UInt8(ascii: "{") || self == UInt8(ascii: "}")
    }

    /// A character that cannot start a plain scalar on its own (`c-indicator`).
    var isIndicator: Bool {
        switch self {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","),
            UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
            UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"),
            UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""),
            UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
            return true
        default:
            return false
        }
    }

    /// `0`-`9`.
    var isDecimalDigit: Bool { self >= 0x30 && self <= 0x39 }

    /// The value of a hexadecimal digit, or `nil`.
    var hexDigitValue: UInt32? {
        switch self {
        case 0x30...0x39: return UInt32(self - 0x30)
        case 0x41...0x46: return UInt32(self - 0x41 + 10)
        case 0x61...0x66: return UInt32(self - 0x61 + 10)
        default: return nil
        }
    }

    /// ASCII letter, digit or `-` (`ns-word-char`), the characters of a tag handle's name.
    var isWordCharacter: Bool {
        (self >= 0x30 && self <= 0x39) || (self >= 0x41 && self <= 0x5A) || (self >= 0x61 && self <= 0x7A)
            || self == UInt8(ascii: "-")
    }

    /// A character allowed in a URI (`ns-uri-char`), not counting `%` escapes; bytes of
    /// multi-byte characters are accepted too, as IRIs allow them.
    var isURICharacter: Bool {
        if isWordCharacter || self >= 0x80 { return true }
        switch self {
        case UInt8(ascii: "#"), UInt8(ascii: ";"), UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: ":"),
            UInt8(ascii: "@"), UInt8(ascii: "&"), UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "$"),
            UInt8(ascii: ","), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "~"),
            UInt8(ascii: "*"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["),
            UInt8(ascii: "]"), UInt8(ascii: "%"):
            return true
        default:
            return false
        }
    }

    /// A character allowed in a tag shorthand's suffix (`ns-tag-char`): a URI character
    /// other than `!` and the flow indicators.
    var isTagCharacter: Bool {
        isURICharacter && self != UInt8(ascii: "!") && !isFlowIndicator
    }

    /// Whether this byte starts a character rather than continuing a multi-byte one.
    var startsCharacter: Bool { self & 0xC0 != 0x80 }
}
