import Basics

// Plain (unquoted) scalars, which may wrap onto more indented continuation lines.
extension YAMLScanner {
    mutating func fetchPlainScalar() throws(Diagnostic) {
        try saveSimpleKey()
        let start = mark
        let (text, end, endedAfterBreak) = try scanPlainScalar()
        // After a scalar that ended at a line break, the next line may hold a key.
        simpleKeyAllowed = endedAfterBreak
        append(.scalar, from: start, to: end, text: text)
    }

    /// Scans a plain scalar, folding line breaks: one break becomes a space, n breaks
    /// become n-1 newlines. A plain scalar ends before `: `, ` #`, a flow indicator
    /// inside a flow collection, a document marker, or a line not indented deeper than
    /// the enclosing block.
    private mutating func scanPlainScalar() throws(Diagnostic) -> (String, YAMLMark, Bool) {
        var end = mark
        let minColumn = indent + 1
        // Most scalars are a single run of characters; they skip the intermediate buffer.
        var firstRun = offset..<offset
        var folded: [UInt8]?
        var pendingBreaks = 0
        var spacesStart = -1
        var afterBreak = false
        while true {
            if atDocumentMarker() || peek() == UInt8(ascii: "#") { break }
            let runStart = offset
            scanPlainRun()
            if offset == runStart { break }
            if runStart == firstRun.lowerBound && folded == nil {
                firstRun = runStart..<offset
            } else {
                var buffer = folded ?? Array(bytes[firstRun])
                // Released, so that appending does not copy a buffer `folded` still shares:
                // a copy per word was quadratic (57,000 '- ' on one line: 2 s; found by sluice-fuzz).
                folded = nil
                if pendingBreaks == 1 {
                    buffer.append(0x20)
                } else if pendingBreaks > 1 {
                    buffer.append(contentsOf: repeatElement(0x0A, count: pendingBreaks - 1))
                } else if spacesStart >= 0 {
                    buffer.append(contentsOf: bytes[spacesStart..<runStart])
                }
                buffer.append(contentsOf: bytes[runStart..<offset])
                folded = buffer
            }
            end = mark
            afterBreak = false
            guard peek().isBlank || peek().isBreak else { break }
            spacesStart = offset
            pendingBreaks = 0
            afterBreak = false
            while true {
                let c = peek()
                if c.isBlank {
                    if afterBreak && c == 0x09 && flowLevel == 0 && column < minColumn {
                        try checkTabInContinuation()
                    }
                    advance()
                } else if c.isBreak {
                    consumeBreak()
                    pendingBreaks += 1
                    afterBreak = true
                } else {
                    break
                }
            }
            if afterBreak {
                if flowLevel == 0 && column < minColumn { break }
                if flowLevel > 0 && !atEnd && peek() != UInt8(ascii: "#") && !atDocumentMarker() {
                    try checkFlowIndentation()
                }
            }
        }
        let text = folded.map { String(decoding: $0, as: UTF8.self) }
            ?? String(decoding: bytes[firstRun], as: UTF8.self)
        return (text, end, afterBreak)
    }

    /// Advances over the characters of one word-like run of a plain scalar.
    private mutating func scanPlainRun() {
        let inFlow = flowLevel > 0
        while true {
            let c = peek()
            if c.isBlankOrBreakOrEnd { return }
            if c == UInt8(ascii: ":") {
                let next = peek(1)
                if next.isBlankOrBreakOrEnd || (inFlow && next.isFlowIndicator) { return }
            } else if inFlow && c.isFlowIndicator {
                return
            }
            advance()
        }
    }

    /// A tab in the indentation of a line after a plain scalar is fine when the line is
    /// blank or a comment (the scalar simply ends), and an error otherwise.
    private func checkTabInContinuation() throws(Diagnostic) {
        var index = offset
        while index < bytes.count && bytes[index].isBlank { index += 1 }
        if index == bytes.count || bytes[index].isBreak || bytes[index] == UInt8(ascii: "#") { return }
        throw tabIndentation(at: mark)
    }
}
