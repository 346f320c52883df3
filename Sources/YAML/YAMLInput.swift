import Basics
import Foundation

/// Checks raw input before scanning: encoding, and characters YAML does not allow.
///
/// Doing this once up front lets the scanner treat a 0 byte as "end of input" and
/// never worry about malformed UTF-8.
enum YAMLInput {
    /// The UTF-8 bytes of a file's data, converting UTF-16 and UTF-32 files that start with a byte order mark.
    static func utf8Bytes(of data: Data, file: String) throws(Diagnostic) -> [UInt8] {
        let prefix = Array(data.prefix(4))
        let encoding: String.Encoding?
        if prefix.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            encoding = .utf32BigEndian
        } else if prefix.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
            encoding = .utf32LittleEndian
        } else if prefix.starts(with: [0xFE, 0xFF]) {
            encoding = .utf16BigEndian
        } else if prefix.starts(with: [0xFF, 0xFE]) {
            encoding = .utf16LittleEndian
        } else {
            encoding = nil
        }
        guard let encoding else { return [UInt8](data) }
        guard let text = String(data: data.dropFirst(encoding == .utf16BigEndian || encoding == .utf16LittleEndian ? 2 : 4),
                                encoding: encoding)
        else {
            throw Diagnostic.error(
                "'\(file)' starts with a UTF-16/UTF-32 byte order mark but is not valid text in that encoding",
                at: SourceLocation(file: file, line: 1, column: 1), hint: "save the file as UTF-8")
        }
        return Array(text.utf8)
    }

    /// Rejects malformed UTF-8 and control characters other than tab, line feed and carriage return.
    static func validate(_ bytes: [UInt8], file: String) throws(Diagnostic) {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte >= 0x20 && byte < 0x7F {
                index += 1
                continue
            }
            if byte < 0x80 {
                if byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    index += 1
                    continue
                }
                throw controlCharacter(UInt32(byte), at: index, in: bytes, file: file)
            }
            guard let (scalar, length) = decodeScalar(bytes, at: index) else {
                throw Diagnostic.error(
                    "invalid UTF-8 byte sequence", at: location(of: index, in: bytes, file: file),
                    hint: "save the file as UTF-8")
            }
            if (scalar >= 0x80 && scalar <= 0x9F && scalar != 0x85) || scalar == 0xFFFE || scalar == 0xFFFF {
                throw controlCharacter(scalar, at: index, in: bytes, file: file)
            }
            index += length
        }
    }

    /// Decodes one multi-byte UTF-8 sequence; `nil` when it is malformed or overlong.
    private static func decodeScalar(_ bytes: [UInt8], at index: Int) -> (UInt32, Int)? {
        let lead = bytes[index]
        let length: Int
        let minimum: UInt32
        var scalar: UInt32
        switch lead {
        case 0xC2...0xDF: (length, minimum, scalar) = (2, 0x80, UInt32(lead & 0x1F))
        case 0xE0...0xEF: (length, minimum, scalar) = (3, 0x800, UInt32(lead & 0x0F))
        case 0xF0...0xF4: (length, minimum, scalar) = (4, 0x10000, UInt32(lead & 0x07))
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return nil }
            scalar = scalar << 6 | UInt32(byte & 0x3F)
        }
        guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return nil }
        return (scalar, length)
    }

    private static func controlCharacter(_ scalar: UInt32, at index: Int, in bytes: [UInt8], file: String) -> Diagnostic {
        let hex = String(scalar, radix: 16, uppercase: true)
        return .error(
            "control character U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex) is not allowed in YAML",
            at: location(of: index, in: bytes, file: file),
            hint: "remove it, or write it as an escape such as \\x\(hex.count < 2 ? "0" + hex : hex) inside a double-quoted string")
    }

    /// The line and column (in Unicode scalars) of a byte offset, for errors found before scanning.
    static func location(of offset: Int, in bytes: [UInt8], file: String) -> SourceLocation {
        var line = 1
        var column = 1
        var index = 0
        while index < offset && index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if byte.startsCharacter && byte != 0x0D {
                column += 1
            }
            index += 1
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}
