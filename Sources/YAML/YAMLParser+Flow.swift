import Basics

// Flow (bracketed) sequences and mappings, which may span lines.
extension YAMLParser {
    mutating func parseFlowSequence(at start: YAMLMark) throws(Diagnostic) -> YAMLNode {
        try enterCollection(at: start)
        defer { depth -= 1 }
        _ = try scanner.nextToken()
        var items: [YAMLNode] = []
        while let token = try nextFlowEntry(closing: "]", isFirst: items.isEmpty) {
            switch token.kind {
            case .key, .value:
                if case .key = token.kind { _ = try scanner.nextToken() }
                let key: YAMLNode
                if case .key = token.kind {
                    key = try parseFlowPart(emptyAt: token.end)
                } else {
                    key = emptyNode(at: token.start)
                }
                let value = try parseFlowPairValue()
                nodeCount += 1
                items.append(
                    YAMLNode(.mapping([YAMLPair(key: key, value: value)]), at: scanner.location(token.start), style: .flow))
            default:
                items.append(try parseNode(block: false, indentlessSequence: false))
                let next = try scanner.peekToken()
                if case .value = next.kind {
                    throw scanner.error(
                        "a key in a flow sequence must fit on one line before its ':'", at: next.start,
                        hint: "put the key and ':' on the same line, or wrap the pair in '{...}'")
                }
            }
        }
        return YAMLNode(.sequence(items), at: scanner.location(start), style: .flow)
    }

    mutating func parseFlowMapping(at start: YAMLMark) throws(Diagnostic) -> YAMLNode {
        try enterCollection(at: start)
        defer { depth -= 1 }
        _ = try scanner.nextToken()
        var builder = MappingBuilder()
        var first = true
        while let token = try nextFlowEntry(closing: "}", isFirst: first) {
            first = false
            let key: YAMLNode
            switch token.kind {
            case .key:
                _ = try scanner.nextToken()
                key = try parseFlowPart(emptyAt: token.end)
            case .value:
                key = emptyNode(at: token.start)
            default:
                key = try parseNode(block: false, indentlessSequence: false)
            }
            let value = try parseFlowPairValue()
            try builder.add(YAMLPair(key: key, value: value))
        }
        let pairs = try builder.finish()
        return YAMLNode(.mapping(pairs), at: scanner.location(start), style: .flow)
    }

    /// Consumes the `,` before an entry (and the closing bracket, returning `nil`);
    /// returns the entry's first token without consuming it.
    private mutating func nextFlowEntry(closing: String, isFirst: Bool) throws(Diagnostic) -> YAMLToken? {
        var token = try scanner.peekToken()
        if isClosing(token.kind) {
            _ = try scanner.nextToken()
            return nil
        }
        if !isFirst {
            guard case .flowEntry = token.kind else {
                throw scanner.error(
                    "expected ',' or '\(closing)' after a flow collection entry, found \(token.kind.userDescription)",
                    at: token.start,
                    hint: "separate entries with ','; quote values that contain ',', '[', ']', '{' or '}'")
            }
            _ = try scanner.nextToken()
            token = try scanner.peekToken()
            if isClosing(token.kind) {
                _ = try scanner.nextToken()
                return nil
            }
        }
        if case .flowEntry = token.kind {
            throw scanner.error(
                "unexpected ',' in a flow collection: an entry is missing", at: token.start,
                hint: "remove the extra ',' or write the missing entry (null is written 'null' or '~')")
        }
        return token
    }

    private func isClosing(_ kind: YAMLToken.Kind) -> Bool {
        switch kind {
        case .flowSequenceEnd, .flowMappingEnd: return true
        default: return false
        }
    }

    /// A key or value inside a flow collection; empty when the entry ends first.
    private mutating func parseFlowPart(emptyAt mark: YAMLMark) throws(Diagnostic) -> YAMLNode {
        switch try scanner.peekToken().kind {
        case .value, .flowEntry, .flowSequenceEnd, .flowMappingEnd: return emptyNode(at: mark)
        default: return try parseNode(block: false, indentlessSequence: false)
        }
    }

    /// The `: value` part of a flow pair; empty when there is no `:`.
    private mutating func parseFlowPairValue() throws(Diagnostic) -> YAMLNode {
        let token = try scanner.peekToken()
        guard case .value = token.kind else { return emptyNode(at: token.start) }
        _ = try scanner.nextToken()
        return try parseFlowPart(emptyAt: token.end)
    }
}
