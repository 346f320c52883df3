import Basics

// The token queue and the two stacks that make indentation explicit: simple-key
// candidates (which may still turn into `key` tokens) and block indentation levels.
extension YAMLScanner {
    /// The next token, without consuming it.
    mutating func peekToken() throws(Diagnostic) -> YAMLToken {
        try fetchMoreTokens()
        return tokens[head]
    }

    /// The next token, consumed.
    mutating func nextToken() throws(Diagnostic) -> YAMLToken {
        try fetchMoreTokens()
        let token = tokens[head]
        head += 1
        tokensTaken += 1
        if head == tokens.count {
            tokens.removeAll(keepingCapacity: true)
            head = 0
        } else if head > 4096 && head * 2 > tokens.count {
            tokens.removeFirst(head)
            head = 0
        }
        return token
    }

    /// Scans until the head token can no longer change, that is until no pending
    /// simple key could still insert a `key` token before it.
    private mutating func fetchMoreTokens() throws(Diagnostic) {
        while true {
            if head < tokens.count {
                if streamEnded { return }
                try removeStaleSimpleKeys()
                guard simpleKeys.contains(where: { $0.possible && $0.tokenNumber == tokensTaken }) else { return }
            } else if streamEnded {
                // Asking past the end keeps answering "end of stream".
                append(.streamEnd, from: mark, to: mark)
                return
            }
            try fetchNextToken()
        }
    }

    /// Appends a token.
    mutating func append(_ kind: YAMLToken.Kind, from start: YAMLMark, to end: YAMLMark) {
        tokens.append(YAMLToken(kind: kind, start: start, end: end))
    }

    /// Inserts a token so that it becomes token number `number`.
    mutating func insert(_ kind: YAMLToken.Kind, number: Int, at mark: YAMLMark) {
        tokens.insert(YAMLToken(kind: kind, start: mark, end: mark), at: head + (number - tokensTaken))
    }

    // MARK: Simple keys

    /// Implicit keys are single-line (and at most 1024 characters), except inside a flow
    /// mapping, where a key may span lines until its `:`.
    mutating func removeStaleSimpleKeys() throws(Diagnostic) {
        for level in simpleKeys.indices where simpleKeys[level].possible {
            let key = simpleKeys[level]
            let inFlowMapping = level > 0 && flowOpenings[level - 1].isMapping
            if inFlowMapping { continue }
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
