/// Field-level scanning of RFC 4180 text in one byte range, shared by the header
/// reader and the chunk parser so both agree on what a field is.
///
/// A record ends at LF or CRLF. A CR not followed by LF is ordinary text, so a
/// stray CR inside a field does not split a record. Quoted fields may hold the
/// delimiter, line breaks and doubled quotes; a quote inside an unquoted field is
/// kept as text, as pandas and Python's csv module do.
struct CSVScanner {
    static let quote = UInt8(ascii: "\"")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")

    /// One past the last byte this scanner may read.
    let end: UnsafePointer<UInt8>
    /// The field separator.
    let delimiter: UInt8

    /// What ended a field.
    enum Terminator {
        case delimiter, lineEnd, endOfInput
    }

    /// A quoted field: its content (between the quotes, still escaped) and facts about it.
    struct QuotedField {
        /// The first content byte, just after the opening quote.
        var contentStart: UnsafePointer<UInt8>
        /// The closing quote.
        var closingQuote: UnsafePointer<UInt8>
        /// Whether the content holds doubled quotes that must be collapsed.
        var hasEscapes: Bool
        /// The line feeds inside the content, so line numbers stay physical.
        var lineFeeds: Int
    }

    /// Whether the field ending at `p` ends there: at a delimiter, a line end or the end.
    @inline(__always)
    func isFieldEnd(_ p: UnsafePointer<UInt8>) -> Bool {
        if p == end { return true }
        let c = p.pointee
        return c == delimiter || c == Self.lineFeed || (c == Self.carriageReturn && (p + 1 == end || p[1] == Self.lineFeed))
    }

    /// The end of the unquoted field starting at `p`.
    @inline(__always)
    func unquotedFieldEnd(from p: UnsafePointer<UInt8>) -> UnsafePointer<UInt8> {
        var q = p
        while q < end {
            let c = q.pointee
            if c == delimiter || c == Self.lineFeed { break }
            if c == Self.carriageReturn && (q + 1 == end || q[1] == Self.lineFeed) { break }
            q += 1
        }
        return q
    }

    /// What ends the field at `p` (which `isFieldEnd` accepted) and where the next field or record starts.
    @inline(__always)
    func terminate(at p: UnsafePointer<UInt8>) -> (Terminator, next: UnsafePointer<UInt8>) {
        if p == end { return (.endOfInput, p) }
        switch p.pointee {
        case delimiter: return (.delimiter, p + 1)
        case Self.carriageReturn: return (.lineEnd, p + 1 == end ? p + 1 : p + 2)
        default: return (.lineEnd, p + 1)
        }
    }

    /// The quoted field whose opening quote is at `p`, or nil when no closing quote
    /// comes before `end`.
    func quotedField(at p: UnsafePointer<UInt8>) -> QuotedField? {
        var q = p + 1
        var hasEscapes = false
        var lineFeeds = 0
        while q < end {
            let c = q.pointee
            if c == Self.quote {
                if q + 1 < end && q[1] == Self.quote {
                    hasEscapes = true
                    q += 2
                    continue
                }
                return QuotedField(contentStart: p + 1, closingQuote: q, hasEscapes: hasEscapes, lineFeeds: lineFeeds)
            }
            if c == Self.lineFeed { lineFeeds += 1 }
            q += 1
        }
        return nil
    }

    /// The text of a quoted field's content, with doubled quotes collapsed.
    static func text(of field: QuotedField) -> String {
        let content = UnsafeBufferPointer(start: field.contentStart, count: field.closingQuote - field.contentStart)
        guard field.hasEscapes else { return String(decoding: content, as: UTF8.self) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(content.count)
        var skipNext = false
        for byte in content {
            if skipNext { skipNext = false; continue }
            bytes.append(byte)
            if byte == quote { skipNext = true }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
