import Basics

// Whitespace, comments, and the block indicators `-`, `?` and `:`.
extension YAMLScanner {
    /// Skips blanks, comments and line breaks up to the next token.
    ///
    /// Tabs separate tokens but never indent: a tab in a line's leading whitespace is
    /// accepted only when the line is blank or a comment, or when spaces already indent
    /// the line deeper than the enclosing block (then the tab is mere separation).
    mutating func skipToNextToken() throws(Diagnostic) {
        sawTab = false
        while true {
            while true {
                let c = peek()
                if c == 0x20 {
                    advance()
                } else if c == 0x09 {
                    if flowLevel == 0 && isFirstOnLine(offset) { try checkLeadingTab() }
                    sawTab = true
                    advance()
                } else {
                    break
                }
            }
            if peek() == UInt8(ascii: "#") {
                if offset > lineStart && !bytes[offset - 1].isBlank {
                    throw error(
                        "a comment must be separated from what precedes it by a space", at: mark,
                        hint: "insert a space before '#', or quote the value if '#' belongs to it")
                }
                while !peek().isBreakOrEnd { advance() }
            }
            guard peek().isBreak else { return }
            consumeBreak()
            sawTab = false
            if flowLevel == 0 { simpleKeyAllowed = true }
        }
    }

    private func checkLeadingTab() throws(Diagnostic) {
        var index = offset
        while index < bytes.count && bytes[index].isBlank { index += 1 }
        if index == bytes.count || bytes[index].isBreak || bytes[index] == UInt8(ascii: "#") { return }
        if lineIndent <= indent { throw tabIndentation(at: mark) }
    }

    /// The error for a tab where YAML needs indentation spaces.
    func tabIndentation(at mark: YAMLMark) -> Diagnostic {
        error(
            "tab character used for indentation", at: mark,
            hint: "YAML indentation must use spaces; replace the tab with spaces")
    }

    /// `- `: an entry of a block sequence, which opens the sequence when it is deeper
    /// than the current block.
    mutating func fetchBlockEntry() throws(Diagnostic) {
        let start = mark
        if flowLevel == 0 {
            guard simpleKeyAllowed else {
                throw error(
                    "a block sequence entry ('- ') is not allowed here", at: start,
                    hint: "start the sequence on a new line, indented under its key")
            }
            if sawTab { throw tabIndentation(at: start) }
            rollIndent(to: column, number: nil, kind: .blockSequenceStart, at: start)
        } else {
            throw error(
                "'- ' block sequence entries are not allowed inside a flow collection", at: start,
                hint: "separate flow entries with ',' or quote the value")
        }
        try removeSimpleKey()
        simpleKeyAllowed = true
        advance()
        append(.blockEntry, from: start, to: mark)
    }

    /// `? `: an explicit mapping key.
    mutating func fetchKey() throws(Diagnostic) {
        let start = mark
        if flowLevel == 0 {
            guard simpleKeyAllowed else {
                throw error(
                    "an explicit key ('? ') is not allowed here", at: start,
                    hint: "start the key on a new line")
            }
            if sawTab { throw tabIndentation(at: start) }
            rollIndent(to: column, number: nil, kind: .blockMappingStart, at: start)
        }
        try removeSimpleKey()
        simpleKeyAllowed = flowLevel == 0
        advance()
        append(.key, from: start, to: mark)
    }

    /// `: `: a mapping value. When a simple-key candidate is pending, it becomes the key
    /// retroactively (and may open a block mapping at its column).
    mutating func fetchValue() throws(Diagnostic) {
        let start = mark
        let level = simpleKeys.count - 1
        let key = simpleKeys[level]
        if key.possible {
            insert(.key, number: key.tokenNumber, at: key.mark)
            let opened = rollIndent(
                to: key.mark.column, number: key.tokenNumber, kind: .blockMappingStart, at: key.mark)
            if opened && key.afterTab { throw tabIndentation(at: key.mark) }
            simpleKeys[level].possible = false
            simpleKeyAllowed = false
        } else {
            if flowLevel == 0 {
                guard simpleKeyAllowed else { throw misplacedValueIndicator(at: start) }
                let opened = rollIndent(to: column, number: nil, kind: .blockMappingStart, at: start)
                if opened && sawTab { throw tabIndentation(at: start) }
            }
            simpleKeyAllowed = flowLevel == 0
        }
        advance()
        append(.value, from: start, to: mark)
    }

    private func misplacedValueIndicator(at start: YAMLMark) -> Diagnostic {
        if lastTokenStart.line != start.line {
            return error(
                "this ':' follows a key that spans several lines; an implicit key must fit on one line",
                at: start, hint: "join the key onto one line or quote it, or check the indentation of the lines above")
        }
        return error(
            "a mapping value is not allowed here", at: start,
            hint: "a nested mapping must start on a new, more indented line; "
                + "quote the value if ': ' belongs to it")
    }
}
