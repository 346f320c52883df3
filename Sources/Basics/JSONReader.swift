/// Reads JSON text (RFC 8259) into a `JSONValue`, keeping object members in
/// document order and integers apart from doubles, so values written by
/// `JSONWriter` read back unchanged.
///
/// Errors are located diagnostics (`file:line:col`), since the files read this
/// way (run records, metrics files) are ones a person may have edited.
package struct JSONReader {
    private let bytes: [UInt8]
    private let file: String
    private var index = 0

    /// Parses `text`; `file` names it in diagnostics.
    package static func parse(_ text: String, file: String = "<json>") throws(Diagnostic) -> JSONValue {
        var reader = JSONReader(bytes: Array(text.utf8), file: file)
        reader.skipWhitespace()
        let value = try reader.value(depth: 0)
        reader.skipWhitespace()
        guard reader.index == reader.bytes.count else { throw reader.error("unexpected text after the JSON value") }
        return value
    }

    private init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    /// Nesting beyond this is refused instead of overflowing the stack.
    private static let maximumDepth = 512
    /// Objects up to this many members find a repeated key by a scan; larger ones
    /// through a dictionary, which most objects (model nodes, metrics) never need.
    private static let scanLimit = 12

    private mutating func value(depth: Int) throws(Diagnostic) -> JSONValue {
        guard depth < Self.maximumDepth else { throw error("JSON nested too deeply") }
        guard index < bytes.count else { throw error("expected a JSON value, found the end of the text") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw error("expected a JSON value")
        }
    }

    private mutating func object(depth: Int) throws(Diagnostic) -> JSONValue {
        index += 1
        var members: [(key: String, value: JSONValue)] = []
        // Positions by key, kept once the object outgrows a short scan, so finding a
        // repeated key stays linear in the member count (run records hold 10⁵ keys).
        var positions: [String: Int] = [:]
        skipWhitespace()
        if consume(UInt8(ascii: "}")) { return .object(members) }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a string key") }
            let key = try string()
            skipWhitespace()
            guard consume(UInt8(ascii: ":")) else { throw error("expected ':' after the key") }
            skipWhitespace()
            let member = try value(depth: depth + 1)
            // A repeated key replaces the earlier value in place, as most readers do.
            let existing = members.count > Self.scanLimit
                ? positions[key] : members.firstIndex(where: { $0.key == key })
            if let existing {
                members[existing].value = member
            } else {
                if members.count == Self.scanLimit {
                    for (offset, known) in members.enumerated() { positions[known.key] = offset }
                }
                if members.count >= Self.scanLimit { positions[key] = members.count }
                members.append((key, member))
            }
            skipWhitespace()
            if consume(UInt8(ascii: "}")) { return .object(members) }
            guard consume(UInt8(ascii: ",")) else { throw error("expected ',' or '}' in an object") }
        }
    }

    private mutating func array(depth: Int) throws(Diagnostic) -> JSONValue {
        index += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if consume(UInt8(ascii: "]")) { return .array(items) }
        while true {
            skipWhitespace()
            items.append(try value(depth: depth + 1))
            skipWhitespace()
            if consume(UInt8(ascii: "]")) { return .array(items) }
            guard consume(UInt8(ascii: ",")) else { throw error("expected ',' or ']' in an array") }
        }
    }

    private mutating func literal(_ word: String, _ value: JSONValue) throws(Diagnostic) -> JSONValue {
        let expected = Array(word.utf8)
        guard bytes.count - index >= expected.count, Array(bytes[index..<index + expected.count]) == expected else {
            throw error("expected a JSON value")
        }
        index += expected.count
        return value
    }

    private mutating func number() throws(Diagnostic) -> JSONValue {
        let start = index
        var isInteger = true
        _ = consume(UInt8(ascii: "-"))
        guard digits() > 0 else { throw error("expected digits in a number") }
        if consume(UInt8(ascii: ".")) {
            isInteger = false
            guard digits() > 0 else { throw error("expected digits after the decimal point") }
        }
        if consume(UInt8(ascii: "e")) || consume(UInt8(ascii: "E")) {
            isInteger = false
            if !consume(UInt8(ascii: "+")) { _ = consume(UInt8(ascii: "-")) }
            guard digits() > 0 else { throw error("expected digits in the exponent") }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let integer = Int(text) { return .int(integer) }
        guard let double = Double(text) else { throw error("number out of range", at: start) }
        return .double(double)
    }

    private mutating func digits() -> Int {
        let start = index
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        return index - start
    }

    private mutating func string() throws(Diagnostic) -> String {
        let start = index
        index += 1
        var scalars = String.UnicodeScalarView()
        var runStart = index
        while true {
            guard index < bytes.count else { throw error("string is not closed", at: start) }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { break }
            if byte < 0x20 { throw error("control character in a string") }
            if byte == UInt8(ascii: "\\") {
                scalars.append(contentsOf: String(decoding: bytes[runStart..<index], as: UTF8.self).unicodeScalars)
                scalars.append(try escape())
                runStart = index
            } else {
                index += 1
            }
        }
        scalars.append(contentsOf: String(decoding: bytes[runStart..<index], as: UTF8.self).unicodeScalars)
        index += 1
        return String(scalars)
    }

    /// Reads one escape sequence (the index is at its backslash).
    private mutating func escape() throws(Diagnostic) -> Unicode.Scalar {
        index += 1
        guard index < bytes.count else { throw error("string is not closed") }
        let letter = bytes[index]
        index += 1
        switch letter {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try hex4()
            if (0xD800..<0xDC00).contains(high), consume(UInt8(ascii: "\\")), consume(UInt8(ascii: "u")) {
                let low = try hex4()
                if (0xDC00..<0xE000).contains(low), let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) {
                    return scalar
                }
            }
            // A lone surrogate has no scalar; U+FFFD keeps the rest of the text readable.
            return Unicode.Scalar(high) ?? "\u{FFFD}"
        default:
            throw error("unknown escape '\\\(Character(Unicode.Scalar(letter)))'", at: index - 2)
        }
    }

    private mutating func hex4() throws(Diagnostic) -> UInt32 {
        guard bytes.count - index >= 4,
              let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else {
            throw error("expected four hex digits after '\\u'")
        }
        index += 4
        return value
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// A diagnostic at byte offset `offset` (default: the current one), as line and column.
    private func error(_ message: String, at offset: Int? = nil) -> Diagnostic {
        let end = min(offset ?? index, bytes.count)
        var line = 1, lineStart = 0
        for position in 0..<end where bytes[position] == 0x0A {
            line += 1
            lineStart = position + 1
        }
        let column = String(decoding: bytes[lineStart..<end], as: UTF8.self).unicodeScalars.count + 1
        return .error(message, at: SourceLocation(file: file, line: line, column: column))
    }
}
