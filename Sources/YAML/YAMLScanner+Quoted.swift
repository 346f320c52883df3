import Basics

// Single- and double-quoted scalars: escapes, line folding, and what may follow them.
extension YAMLScanner {
    mutating func fetchQuoted(isSingle: Bool) throws(Diagnostic) {
        try saveSimpleKey()
        simpleKeyAllowed = false
        let start = mark
        let text = try scanQuoted(isSingle: isSingle, start: start)
        append(.scalar(text, isSingle ? .singleQuoted : .doubleQuoted), from: start, to: mark)
        adjacentValueAllowed = flowLevel > 0
        try checkAfterQuoted()
    }

    private mutating func scanQuoted(isSingle: Bool, start: YAMLMark) throws(Diagnostic) -> String {
        let quote = isSingle ? UInt8(ascii: "'") : UInt8(ascii: "\"")
        advance()
        var out: [UInt8] = []
        while true {
            if atEnd { throw unclosedQuote(isSingle: isSingle, start: start) }
            if atDocumentMarker() {
                throw error(
                    "a document marker cannot appear inside a quoted string", at: mark,
                    hint: "the string opened at \(start.line + 1):\(start.column + 1) is missing its closing quote")
            }
            var escapedBreak = false
            // Characters up to the next blank or line break.
            while true {
                let c = peek()
                if c.isBlankOrBreakOrEnd { break }
                if c == quote {
                    if isSingle && peek(1) == quote {
                        out.append(quote)
                        advance(by: 2)
                        continue
                    }
                    advance()
                    return String(decoding: out, as: UTF8.self)
                }
                if !isSingle && c == UInt8(ascii: "\\") {
                    if peek(1).isBreak {
                        advance()
                        consumeBreak()
                        escapedBreak = true
                        break
                    }
                    try scanEscape(into: &out)
                    continue
                }
                out.append(c)
                advance()
            }
            try scanQuotedWhitespace(into: &out, escapedBreak: escapedBreak, start: start, isSingle: isSingle)
        }
    }

    /// Blanks and breaks inside a quoted scalar: blanks inside a line are kept; a line
    /// break folds (one break becomes a space, n breaks become n-1 newlines) and takes
    /// the blanks around it along. After an escaped break only the further breaks count.
    private mutating func scanQuotedWhitespace(
        into out: inout [UInt8], escapedBreak: Bool, start: YAMLMark, isSingle: Bool
    ) throws(Diagnostic) {
        let blanksStart = offset
        var sawBreak = escapedBreak
        var breaks = 0
        while true {
            let c = peek()
            if c.isBlank {
                advance()
            } else if c.isBreak {
                if sawBreak { breaks += 1 }
                sawBreak = true
                consumeBreak()
            } else {
                break
            }
        }
        if !sawBreak {
            out.append(contentsOf: bytes[blanksStart..<offset])
            return
        }
        if escapedBreak || breaks > 0 {
            out.append(contentsOf: repeatElement(0x0A, count: breaks))
        } else {
            out.append(0x20)
        }
        // A continuation line must be indented deeper than the enclosing block.
        if !atEnd && indent >= 0 && lineIndent <= indent && !atDocumentMarker() {
            if lineIndent < column && bytes[lineStart + lineIndent] == 0x09 { throw tabIndentation(at: mark) }
            throw error(
                "bad indentation of a quoted string's continuation line: it must be indented "
                    + "more than \(indent) spaces", at: mark,
                hint: "indent the continuation with spaces, or check that the string opened at "
                    + "\(start.line + 1):\(start.column + 1) is closed")
        }
    }

    private func unclosedQuote(isSingle: Bool, start: YAMLMark) -> Diagnostic {
        error(
            "unclosed \(isSingle ? "single" : "double")-quoted string", at: start,
            hint: "add the closing \(isSingle ? "\"'\"" : "'\"'") (inside \(isSingle ? "'...'" : "\"...\""), write "
                + (isSingle ? "'' for a quote" : "\\\" for a quote") + ")")
    }

    /// After a quoted scalar: blanks, then the end of the line, a comment, a `:`, or
    /// inside a flow collection `,` `]` `}`. Anything else would silently be a new token.
    private func checkAfterQuoted() throws(Diagnostic) {
        var index = offset
        while index < bytes.count && bytes[index].isBlank { index += 1 }
        let c: UInt8 = index < bytes.count ? bytes[index] : 0
        if c.isBreakOrEnd || c == UInt8(ascii: ":") { return }
        if c == UInt8(ascii: "#") && index > offset { return }
        if flowLevel > 0 && (c == UInt8(ascii: ",") || c == UInt8(ascii: "]") || c == UInt8(ascii: "}")) { return }
        throw error(
            "unexpected text after a quoted string",
            at: YAMLMark(offset: index, line: line, column: column + index - offset),
            hint: c == UInt8(ascii: "#")
                ? "insert a space before '#' to start a comment"
                : "put all of the value inside the quotes")
    }
}
