import Basics

// Literal (`|`) and folded (`>`) block scalars: header, indentation, folding, chomping.
extension YAMLScanner {
    /// What happens to the line breaks at the end of a block scalar.
    private enum Chomping {
        /// `-`: no final line break.
        case strip
        /// The default: one final line break.
        case clip
        /// `+`: every trailing line break.
        case keep
    }

    mutating func fetchBlockScalar(isLiteral: Bool) throws(Diagnostic) {
        try removeSimpleKey()
        simpleKeyAllowed = true
        let start = mark
        let text = try scanBlockScalar(isLiteral: isLiteral, start: start)
        append(.scalar(text, isLiteral ? .literal : .folded), from: start, to: mark)
    }

    private mutating func scanBlockScalar(isLiteral: Bool, start: YAMLMark) throws(Diagnostic) -> String {
        let (chomping, increment) = try scanBlockScalarHeader()
        if atEnd { return "" }
        let minIndent = indent + 1
        var contentIndent = increment > 0 ? indent + increment : -1
        var breaks = try scanLeadingBlockLines(contentIndent: &contentIndent, minIndent: minIndent)

        var out: [UInt8] = []
        var pendingBreak = false
        var previousStartsWithBlank = false
        while column == contentIndent && !atEnd && !atDocumentMarker() {
            let startsWithBlank = peek().isBlank
            if !isLiteral && pendingBreak && !previousStartsWithBlank && !startsWithBlank {
                if breaks == 0 { out.append(0x20) }
            } else if pendingBreak {
                out.append(0x0A)
            }
            out.append(contentsOf: repeatElement(0x0A, count: breaks))
            breaks = 0
            pendingBreak = false
            previousStartsWithBlank = startsWithBlank
            let lineContent = offset
            while !peek().isBreakOrEnd { advance() }
            out.append(contentsOf: bytes[lineContent..<offset])
            // The end of the input ends the last line as a line break would.
            pendingBreak = true
            if atEnd { break }
            consumeBreak()
            breaks = try scanBlockBreaks(contentIndent: contentIndent)
        }
        if chomping != .strip && pendingBreak { out.append(0x0A) }
        if chomping == .keep { out.append(contentsOf: repeatElement(0x0A, count: breaks)) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Reads the indicators after `|` or `>` (chomping `+`/`-` and an indentation digit,
    /// in either order), an optional comment, and the line break.
    private mutating func scanBlockScalarHeader() throws(Diagnostic) -> (Chomping, Int) {
        advance()
        var chomping = Chomping.clip
        var chompingSeen = false
        var increment = 0
        for _ in 0..<2 {
            let c = peek()
            if !chompingSeen && (c == UInt8(ascii: "+") || c == UInt8(ascii: "-")) {
                chomping = c == UInt8(ascii: "+") ? .keep : .strip
                chompingSeen = true
            } else if increment == 0 && c.isDecimalDigit {
                guard c != UInt8(ascii: "0") else {
                    throw error(
                        "a block scalar's indentation indicator must be 1-9, not 0", at: mark,
                        hint: "remove the digit to detect the indentation from the first line")
                }
                increment = Int(c - UInt8(ascii: "0"))
            } else {
                break
            }
            advance()
        }
        let afterIndicators = offset
        while peek().isBlank { advance() }
        if peek() == UInt8(ascii: "#") {
            guard offset > afterIndicators else {
                throw error(
                    "a comment must be separated from what precedes it by a space", at: mark,
                    hint: "insert a space before '#'")
            }
            while !peek().isBreakOrEnd { advance() }
        }
        guard peek().isBreakOrEnd else {
            throw error(
                "invalid block scalar header: unexpected \(currentCharacterDescription)", at: mark,
                hint: "after '|' or '>' only '+' or '-', an indentation digit 1-9 and a comment may follow; "
                    + "the text starts on the next line")
        }
        if !atEnd { consumeBreak() }
        return (chomping, increment)
    }

    /// Skips the empty lines before the first content line and, unless the header gave
    /// it, detects the content indentation from that line. Returns the number of breaks.
    private mutating func scanLeadingBlockLines(
        contentIndent: inout Int, minIndent: Int
    ) throws(Diagnostic) -> Int {
        var breaks = 0
        var maxEmptyColumn = 0
        var widestEmptyLine = mark
        while true {
            while (contentIndent < 0 || column < contentIndent) && peek() == 0x20 { advance() }
            let limit = contentIndent < 0 ? minIndent : contentIndent
            if peek() == 0x09 && column < limit { throw tabIndentation(at: mark) }
            if atEnd && offset > lineStart {
                breaks += 1
                break
            }
            guard peek().isBreak else { break }
            if column > maxEmptyColumn {
                maxEmptyColumn = column
                widestEmptyLine = mark
            }
            consumeBreak()
            breaks += 1
        }
        guard contentIndent < 0 else { return breaks }
        let hasContent = !atEnd && column >= max(minIndent, 0) && !atDocumentMarker()
        if hasContent && maxEmptyColumn > column {
            throw error(
                "a leading empty line of this block scalar has more spaces than its first content line",
                at: widestEmptyLine,
                hint: "remove the trailing spaces from the empty lines, or give an indentation indicator such as '|2'")
        }
        contentIndent = hasContent ? column : max(minIndent, maxEmptyColumn, 0)
        return breaks
    }

    /// Skips line breaks and the indentation of the following lines; returns the number of breaks.
    private mutating func scanBlockBreaks(contentIndent: Int) throws(Diagnostic) -> Int {
        var breaks = 0
        while true {
            while column < contentIndent && peek() == 0x20 { advance() }
            if column < contentIndent && peek() == 0x09 {
                try checkTabAfterBlockScalar()
                return breaks
            }
            if atEnd && offset > lineStart { return breaks + 1 }
            guard peek().isBreak else { return breaks }
            consumeBreak()
            breaks += 1
        }
    }

    /// A tab where a content line's indentation should be ends the scalar only if the
    /// line is blank or a comment; otherwise it is indentation made of tabs.
    private func checkTabAfterBlockScalar() throws(Diagnostic) {
        var index = offset
        while index < bytes.count && bytes[index].isBlank { index += 1 }
        if index == bytes.count || bytes[index].isBreak || bytes[index] == UInt8(ascii: "#") { return }
        throw tabIndentation(at: mark)
    }
}
