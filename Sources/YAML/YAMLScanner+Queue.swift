import Basics

// The token queue and the two stacks that make indentation explicit: simple-key
// candidates (which may still turn into `key` tokens) and block indentation levels.
extension YAMLScanner {
    /// The next token, without consuming it.
    mutating func peekToken() throws(Diagnostic) -> YAMLToken {
        try fetchMoreTokens()
        return tokens[head]
    }

    /// The kind of the next token, without consuming it (and without copying its text).
    mutating func peekKind() throws(Diagnostic) -> YAMLToken.Kind {
        try fetchMoreTokens()
        return tokens[head].kind
    }

    /// The kind and extent of the next token, without consuming it.
    mutating func peekHead() throws(Diagnostic) -> (kind: YAMLToken.Kind, start: YAMLMark, end: YAMLMark) {
        try fetchMoreTokens()
        return (tokens[head].kind, tokens[head].start, tokens[head].end)
    }

    /// Where the next token starts and ends, without consuming it.
    mutating func peekMarks() throws(Diagnostic) -> (start: YAMLMark, end: YAMLMark) {
        try fetchMoreTokens()
        return (tokens[head].start, tokens[head].end)
    }

    /// Consumes the next token without returning it.
    mutating func skipToken() throws(Diagnostic) {
        try fetchMoreTokens()
        advanceHead()
    }

    /// The next token, consumed.
    mutating func nextToken() throws(Diagnostic) -> YAMLToken {
        try fetchMoreTokens()
        let token = tokens[head]
        advanceHead()
        return token
    }

    private mutating func advanceHead() {
        head += 1
        tokensTaken += 1
        // Consumed tokens are dropped in batches: clearing the queue after every token
        // would cost a call per token for nothing.
        if head >= 512 {
            if head == tokens.count {
                tokens.removeAll(keepingCapacity: true)
            } else {
                tokens.removeFirst(head)
            }
            head = 0
        }
    }

    /// Scans until the head token can no longer change, that is until no pending
    /// simple key could still insert a `key` token before it.
    @inline(__always)
    private mutating func fetchMoreTokens() throws(Diagnostic) {
        if head < tokens.count && (streamEnded || !headMayBecomeKey()) { return }
        try fetchMoreTokensSlowly()
    }

    private mutating func fetchMoreTokensSlowly() throws(Diagnostic) {
        while true {
            if head < tokens.count {
                if streamEnded || !headMayBecomeKey() { return }
                try removeStaleSimpleKeys()
                if !headMayBecomeKey() { return }
            } else if streamEnded {
                // Asking past the end keeps answering "end of stream".
                append(.streamEnd, from: mark, to: mark)
                return
            }
            try fetchNextToken()
        }
    }

    /// Whether a pending simple key could still insert a `key` token before the head token.
    @inline(__always)
    private func headMayBecomeKey() -> Bool {
        // An index loop: iterators are slow in unoptimized builds, and this runs per token.
        var level = 0
        while level < simpleKeys.count {
            if simpleKeys[level].possible && simpleKeys[level].tokenNumber == tokensTaken { return true }
            level += 1
        }
        return false
    }

    /// Appends a token.
    mutating func append(
        _ kind: YAMLToken.Kind, from start: YAMLMark, to end: YAMLMark, text: String = "",
        handle: String = "", style: YAMLNode.Style = .plain
    ) {
        tokens.append(YAMLToken(kind: kind, start: start, end: end, text: text, handle: handle, style: style))
    }

    /// Inserts a token so that it becomes token number `number`.
    mutating func insert(_ kind: YAMLToken.Kind, number: Int, at mark: YAMLMark) {
        tokens.insert(YAMLToken(kind: kind, start: mark, end: mark), at: head + (number - tokensTaken))
    }

    // MARK: Simple keys

    /// Implicit keys are single-line (and at most 1024 characters), except inside a flow
    /// mapping, where a key may span lines until its `:`.
    mutating func removeStaleSimpleKeys() throws(Diagnostic) {
        var level = 0
        while level < simpleKeys.count {
            defer { level += 1 }
            guard simpleKeys[level].possible, level == 0 || !flowOpenings[level - 1].isMapping else { continue }
            let key = simpleKeys[level]
            if key.mark.line != line || offset - key.mark.offset > 1024 {
                if key.required { throw missingColon(for: key) }
                simpleKeys[level].possible = false
            }
        }
    }

    /// Records that the next token could be an implicit key.
    mutating func saveSimpleKey() throws(Diagnostic) {
        guard simpleKeyAllowed else { return }
        let required = flowLevel == 0 && indent == column
        try removeSimpleKey()
        simpleKeys[simpleKeys.count - 1] = SimpleKey(
            possible: true, required: required, tokenNumber: tokensTaken + tokens.count - head,
            mark: mark, afterTab: sawTab)
    }

    /// Drops the current level's candidate; a required one means a `:` is missing.
    mutating func removeSimpleKey() throws(Diagnostic) {
        let key = simpleKeys[simpleKeys.count - 1]
        if key.possible && key.required { throw missingColon(for: key) }
        simpleKeys[simpleKeys.count - 1].possible = false
    }

    private func missingColon(for key: SimpleKey) -> Diagnostic {
        error(
            "expected ':' after this mapping key", at: key.mark,
            hint: "a line in a block mapping must be 'key: value'; to continue the previous value, indent this line more")
    }

    // MARK: Indentation

    /// Opens a block collection at `column` when it is deeper than the current one.
    /// Returns whether it did.
    @discardableResult
    mutating func rollIndent(
        to column: Int, number: Int?, kind: YAMLToken.Kind, at mark: YAMLMark
    ) -> Bool {
        guard flowLevel == 0, indent < column else { return false }
        indents.append(indent)
        indent = column
        if let number {
            insert(kind, number: number, at: mark)
        } else {
            append(kind, from: mark, to: mark)
        }
        return true
    }

    /// Closes block collections deeper than `column`. A line that closes a collection
    /// must line up with an enclosing one; anything in between is bad indentation.
    mutating func unrollIndent(to column: Int) throws(Diagnostic) {
        guard flowLevel == 0 else { return }
        var closed: Int?
        while indent > column {
            append(.blockEnd, from: mark, to: mark)
            closed = indent
            indent = indents.removeLast()
        }
        if let closed, column > indent, column >= 0 {
            throw error(
                "bad indentation: this line is indented \(column) spaces, which matches no enclosing block "
                    + "(the enclosing levels are at \(max(indent, 0)) and \(closed))",
                at: mark, hint: "indent it like the entries it belongs with")
        }
    }
}
