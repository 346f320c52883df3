import Basics

// Deciding what the next token is, and the tokens made of indicators alone.
extension YAMLScanner {
    /// Scans one more token (sometimes several: block ends, a block start) into the queue.
    mutating func fetchNextToken() throws(Diagnostic) {
        if !streamStarted {
            streamStarted = true
            simpleKeyAllowed = true
            if peek() == 0xEF && peek(1) == 0xBB && peek(2) == 0xBF {
                // A byte order mark is not content: the first line starts after it.
                offset += 3
                lineStart = offset
            }
            append(.streamStart, from: mark, to: mark)
            return
        }
        try skipToNextToken()
        try removeStaleSimpleKeys()
        if atEnd { return try fetchStreamEnd() }
        try unrollIndent(to: column)
        if flowLevel > 0 { try checkFlowIndentation() }
        let start = mark
        let wasAdjacentValueAllowed = adjacentValueAllowed
        adjacentValueAllowed = false
        defer { lastTokenStart = start }

        let c = peek()
        let next = peek(1)
        if column == 0 {
            if c == UInt8(ascii: "%") { return try fetchDirective() }
            if atDocumentMarker() { return try fetchDocumentIndicator(isStart: c == UInt8(ascii: "-")) }
        }
        directivesAllowed = false
        switch c {
        case UInt8(ascii: "["): return try fetchFlowCollectionStart(isMapping: false)
        case UInt8(ascii: "{"): return try fetchFlowCollectionStart(isMapping: true)
        case UInt8(ascii: "]"): return try fetchFlowCollectionEnd(isMapping: false)
        case UInt8(ascii: "}"): return try fetchFlowCollectionEnd(isMapping: true)
        case UInt8(ascii: ","): return try fetchFlowEntry()
        case UInt8(ascii: "-") where next.isBlankOrBreakOrEnd: return try fetchBlockEntry()
        case UInt8(ascii: "?") where next.isBlankOrBreakOrEnd || (flowLevel > 0 && next.isFlowIndicator):
            return try fetchKey()
        case UInt8(ascii: ":")
        where next.isBlankOrBreakOrEnd || (flowLevel > 0 && (next.isFlowIndicator || wasAdjacentValueAllowed)):
            return try fetchValue()
        case UInt8(ascii: "*"): return try fetchAnchor(isAlias: true)
        case UInt8(ascii: "&"): return try fetchAnchor(isAlias: false)
        case UInt8(ascii: "!"): return try fetchTag()
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            guard flowLevel == 0 else {
                throw error(
                    "a block scalar ('\(Character(Unicode.Scalar(c)))') cannot appear inside a flow collection",
                    at: start, hint: "use a quoted string inside '[...]' and '{...}'")
            }
            return try fetchBlockScalar(isLiteral: c == UInt8(ascii: "|"))
        case UInt8(ascii: "'"), UInt8(ascii: "\""): return try fetchQuoted(isSingle: c == UInt8(ascii: "'"))
        default: break
        }
        if canStartPlainScalar(c, next) { return try fetchPlainScalar() }
        throw unexpectedCharacter(c, at: start)
    }

    /// Whether `c` followed by `next` begins a plain scalar (`ns-plain-first`).
    func canStartPlainScalar(_ c: UInt8, _ next: UInt8) -> Bool {
        if c.isBlankOrBreakOrEnd { return false }
        if !c.isIndicator { return true }
        guard c == UInt8(ascii: "-") || c == UInt8(ascii: "?") || c == UInt8(ascii: ":") else { return false }
        return !next.isBlankOrBreakOrEnd && !(flowLevel > 0 && next.isFlowIndicator)
    }

    private func unexpectedCharacter(_ c: UInt8, at start: YAMLMark) -> Diagnostic {
        switch c {
        case UInt8(ascii: "@"), UInt8(ascii: "`"):
            return error(
                "'\(Character(Unicode.Scalar(c)))' is reserved and cannot start a plain scalar", at: start,
                hint: "put the value in quotes")
        case UInt8(ascii: "%"):
            return error(
                "'%' cannot start a plain scalar here", at: start,
                hint: "put the value in quotes; directives such as %YAML must start a line before '---'")
        case UInt8(ascii: "#"):
            return error(
                "a comment must be separated from what precedes it by a space", at: start,
                hint: "insert a space before '#', or quote the value if '#' belongs to it")
        case UInt8(ascii: "-") where flowLevel > 0:
            return error(
                "'- ' block sequence entries are not allowed inside a flow collection", at: start,
                hint: "separate flow entries with ',' or quote the value")
        default:
            return error(
                "unexpected \(currentCharacterDescription)", at: start,
                hint: "put the value in quotes if this character belongs to it")
        }
    }

    // MARK: Stream and documents

    private mutating func fetchStreamEnd() throws(Diagnostic) {
        if let opening = flowOpenings.last { throw unclosedFlow(opening) }
        try unrollIndent(to: -1)
        try removeSimpleKey()
        simpleKeyAllowed = false
        streamEnded = true
        append(.streamEnd, from: mark, to: mark)
    }

    /// The error for a `[` or `{` that is never closed, located at the opening bracket.
    func unclosedFlow(_ opening: FlowOpening) -> Diagnostic {
        let (name, close) = opening.isMapping ? ("mapping", "}") : ("sequence", "]")
        let open = opening.isMapping ? "{" : "["
        return error(
            "unclosed flow \(name): this '\(open)' has no matching '\(close)'", at: opening.mark,
            hint: "add '\(close)' after the last entry")
    }

    private mutating func fetchDocumentIndicator(isStart: Bool) throws(Diagnostic) {
        if let opening = flowOpenings.last { throw unclosedFlow(opening) }
        try unrollIndent(to: -1)
        try removeSimpleKey()
        simpleKeyAllowed = false
        directivesAllowed = !isStart
        let start = mark
        advance(by: 3)
        append(isStart ? .documentStart : .documentEnd, from: start, to: mark)
        if !isStart { try checkNothingAfterDocumentEnd() }
    }

    /// Only a comment may follow `...` on its line.
    private func checkNothingAfterDocumentEnd() throws(Diagnostic) {
        var index = offset
        while index < bytes.count && bytes[index].isBlank { index += 1 }
        let c: UInt8 = index < bytes.count ? bytes[index] : 0
        if c.isBreakOrEnd || c == UInt8(ascii: "#") { return }
        throw error(
            "unexpected text after the document end marker '...'",
            at: YAMLMark(offset: index, line: line, column: column + index - offset),
            hint: "start the next document on a new line, after '---'")
    }

    // MARK: Flow indicators

    private mutating func fetchFlowCollectionStart(isMapping: Bool) throws(Diagnostic) {
        try saveSimpleKey()
        let start = mark
        // The parser refuses this depth as well, but only when it gets there: a '{' may
        // start a key, so the scanner can read far ahead first, and every open flow
        // level costs every token a look (`{` × 65,536 took minutes).
        guard flowLevel < YAMLParser.maxDepth else {
            throw error("collections are nested more than \(YAMLParser.maxDepth) levels deep", at: start, hint: "flatten the structure")
        }
        flowOpenings.append(FlowOpening(mark: start, isMapping: isMapping))
        simpleKeys.append(SimpleKey())
        simpleKeyAllowed = true
        advance()
        append(isMapping ? .flowMappingStart : .flowSequenceStart, from: start, to: mark)
    }

    private mutating func fetchFlowCollectionEnd(isMapping: Bool) throws(Diagnostic) {
        let start = mark
        let close = isMapping ? "}" : "]"
        guard let opening = flowOpenings.last else {
            throw error(
                "unexpected '\(close)' without a matching '\(isMapping ? "{" : "[")'", at: start,
                hint: "remove it, or quote the value if it belongs to it")
        }
        guard opening.isMapping == isMapping else {
            throw error(
                "'\(close)' does not close the '\(opening.isMapping ? "{" : "[")' opened at "
                    + "\(opening.mark.line + 1):\(opening.mark.column + 1)",
                at: start, hint: "close it with '\(opening.isMapping ? "}" : "]")'")
        }
        try removeSimpleKey()
        flowOpenings.removeLast()
        simpleKeys.removeLast()
        simpleKeyAllowed = false
        advance()
        adjacentValueAllowed = flowLevel > 0
        append(isMapping ? .flowMappingEnd : .flowSequenceEnd, from: start, to: mark)
        try checkAfterFlowCollection()
    }

    /// In block context nothing but a comment or a `:` may follow a flow collection on its line.
    private func checkAfterFlowCollection() throws(Diagnostic) {
        guard flowLevel == 0 else { return }
        var index = offset
        while index < bytes.count && bytes[index].isBlank { index += 1 }
        let c: UInt8 = index < bytes.count ? bytes[index] : 0
        if c.isBreakOrEnd || (c == UInt8(ascii: "#") && index > offset) || c == UInt8(ascii: ":") { return }
        throw error(
            "unexpected text after a flow collection", at: YAMLMark(offset: index, line: line, column: column + index - offset),
            hint: "put a comment after ' #', or start a new line")
    }

    private mutating func fetchFlowEntry() throws(Diagnostic) {
        guard flowLevel > 0 else {
            // A ',' cannot start a plain scalar, so this is a stray flow separator.
            throw error(
                "unexpected ',' outside a flow collection", at: mark,
                hint: "quote the value if the comma belongs to it")
        }
        try removeSimpleKey()
        simpleKeyAllowed = true
        let start = mark
        advance()
        append(.flowEntry, from: start, to: mark)
    }

    /// Inside a flow collection, a line's content must be indented deeper than the
    /// block collection that contains the flow collection.
    ///
    /// A closing bracket may sit at the block's own indentation. YAML 1.2 asks for one
    /// more space, but JSON-style files close brackets under their key, and PyYAML,
    /// ruamel.yaml and libyaml all accept that.
    func checkFlowIndentation() throws(Diagnostic) {
        guard indent >= 0, isFirstOnLine(offset), lineIndent <= indent else { return }
        let c = peek()
        if lineIndent == indent && (c == UInt8(ascii: "]") || c == UInt8(ascii: "}")) { return }
        if let unclosed = flowCollectionLeftOpen() { throw unclosedFlow(unclosed) }
        throw error(
            "bad indentation inside a flow collection: continuation lines must be indented "
                + "more than \(indent) spaces", at: mark,
            hint: "indent this line with spaces, deeper than the key or '-' that holds the collection")
    }
}
