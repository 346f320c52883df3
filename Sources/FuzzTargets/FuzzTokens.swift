/// Byte strings worth inserting into any input: numbers at and past the limits of
/// Int and Double, the spellings of infinity and not-a-number, the punctuation of
/// YAML, JSON and CSV, interpolation and path tricks, NUL and invalid UTF-8.
enum FuzzTokens {
    static let numbers: [String] = [
        "0", "-0", "1", "-1", "0.0", "-0.0", "1e300", "-1e300", "1e308", "-1e308", "1.7976931348623157e308",
        "1.8e308", "-1.8e308", "2.2250738585072014e-308", "5e-324", "1e-400", "1e18", "-1e18", "1e19", "9.3e18",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "18446744073709551615", "18446744073709551616", "99999999999999999999999999999999", "2147483647", "2147483648",
        "-2147483649", "4294967296", "65535", "65536", "0x7fffffff", "0o777", "0b101", "1_000", "nan", "NaN", "-nan",
        "inf", "-inf", "+inf", "Infinity", "-Infinity", ".inf", "-.inf", ".nan", ".NaN", "1e", "1e+", "-", "+", ".",
        "1.", ".5", "00012", "1e-7", "3.4028235e38", "3.5e38", "16777217", "1e-45",
    ]

    static let general: [String] = [
        "[[[[[[[[[[[[[[[[", "]]]]", "{{{{{{{{{{{{{{{{", "}}}}", "? ? ? ? ? ? ? ? x", "? ", ": ", "- ", "-\n", "${", "${a}",
        "${item}", "${key}", "${item.x}", "${vars.a}", "}", "$", "..", "../../../../etc/passwd", "/", "/dev/zero", "~",
        "\u{0}", "\"", "'", "\\", "\\u0000", "\\ud800", "\\uDFFF", "\\x00", "\\U0010FFFF", "\n", "\r\n", "\r", "\t",
        " ", "#", "&a ", "*a", "<<: *a\n", "!!str ", "!!int ", "!!map ", "!!binary ", "!tag ", "---\n", "...\n",
        "|\n", ">-\n", "|+2\n", "%YAML 1.2\n", "%TAG ! x\n", "@", "`", ",", ";", "null", "~", "true", "false", "yes",
        "[]", "{}", "\"\"", "''", ": []", ": {}", "[a, [b, [c]]]", "{a: {b: {c: d}}}", "a\u{0}b", "\u{FEFF}",
    ]

    /// Byte sequences that are not UTF-8 (or are UTF-8 that readers often mishandle).
    static let invalidUTF8: [[UInt8]] = [
        [0xFF], [0xFE, 0xFF], [0xC3], [0xC3, 0x28], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xC0, 0x80], [0x80], [0xEF, 0xBB, 0xBF], [0xF0, 0x9F, 0x92, 0xA9], [0xCC, 0x81], [0xE2, 0x80, 0xAE],
    ]

    /// Tokens whose repetition makes deep nesting or long lines.
    static let repeatable: [String] = ["[", "{", "? ", "- ", "a", " ", "${a}", "\"", "\\", "\n", "  ", "x: ", "a.", "0", ",", "\u{0}"]

    /// Bytes that change how a line reads.
    static let interestingBytes: [UInt8] = Array("\0\n\r\t :-#\"'\\,[]{}?&*!|>%@`$.0~".utf8) + [0x7F, 0x80, 0xFF, 0xC3]

    /// The general tokens as bytes.
    static let all: [[UInt8]] = (numbers + general).map { Array($0.utf8) } + invalidUTF8

    /// Words taken from seed files (keys, names, quoted strings), so mutations put
    /// the format's own vocabulary in new places, as fuzzers' automatic dictionaries do.
    static func words(in seeds: [[UInt8]], limit: Int = 2000) -> [[UInt8]] {
        var seen: Set<[UInt8]> = [], words: [[UInt8]] = []
        func isWordByte(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
        }
        for seed in seeds {
            var index = 0
            while index < seed.count && words.count < limit {
                guard isWordByte(seed[index]) else { index += 1; continue }
                let start = index
                while index < seed.count && isWordByte(seed[index]) { index += 1 }
                let word = Array(seed[start..<index])
                if (3...32).contains(word.count), seen.insert(word).inserted { words.append(word) }
            }
        }
        return words
    }
}
