import Basics

// Flow (bracketed) sequences and mappings, which may span lines.
extension YAMLParser {
    mutating func parseFlowSequence(at start: YAMLMark) throws(Diagnostic) -> YAMLNode {
        try enterCollection(at: start)
        defer { depth -= 1 }
        try scanner.skipToken()
        var items: [YAMLNode] = []
        while let kind = try nextFlowEntry(closing: "]", isFirst: items.isEmpty) {
            let (entryStart, entryEnd) = try scanner.peekMarks()
            switch kind {
            case .key, .value:
                // A single pair is a mapping nested in the sequence.
                try enterCollection(at: entryStart)
                defer { depth -= 1 }
                let key: YAMLNode
                if kind == .key {
                    try scanner.skipToken()
                    key = try parseFlowPart(emptyAt: entryEnd)
                } else {
                    key = emptyNode(at: entryStart)
                }
                let value = try parseFlowPairValue()
                nodeCount += 1
                items.append(
                    YAMLNode(.mapping([YAMLPair(key: key, value: value)]), at: location(entryStart), style: .flow))
            default:
                items.append(try parseNode(block: false, indentlessSequence: false))
                if try scanner.peekKind() == .value {
                    throw scanner.error(
                        "a key in a flow sequence must fit on one line before its ':'", at: try scanner.peekMarks().start,
                        hint: "put the key and ':' on the same line, or wrap the pair in '{...}'")
                }
            }
        }
        return YAMLNode(.sequence(items), at: location(start), style: .flow)
    }

    mutating func parseFlowMapping(at start: YAMLMark) throws(Diagnostic) -> YAMLNode {
        try enterCollection(at: start)
        defer { depth -= 1 }
        try scanner.skipToken()
        var builder = MappingBuilder()
        var first = true
        while let kind = try nextFlowEntry(closing: "}", isFirst: first) {
            first = false
            let (entryStart, entryEnd) = try scanner.peekMarks()
            let key: YAMLNode
            switch kind {
            case .key:
                try scanner.skipToken()
                key = try parseFlowPart(emptyAt: entryEnd)
            case .value:
                key = emptyNode(at: entryStart)
            default:
                key = try parseNode(block: false, indentlessSequence: false)
            }
            let value = try parseFlowPairValue()
            try builder.add(YAMLPair(key: consume key, value: consume value))
        }
        return YAMLNode(.mapping(try builder.finish()), at: location(start), style: .flow)
    }

    /// Consumes the `,` before an entry (or the closing bracket, returning `nil`);
    /// returns the kind of the entry's first token, which stays unconsumed.
    private mutating func nextFlowEntry(closing: String, isFirst: Bool) throws(Diagnostic) -> YAMLToken.Kind? {
        var kind = try scanner.peekKind()
        if kind == .flowSequenceEnd || kind == .flowMappingEnd {
            try scanner.skipToken()
            return nil
        }
        if !isFirst {
            guard kind == .flowEntry else {
                let token = try scanner.peekToken()
                throw scanner.error(
                    "expected ',' or '\(closing)' after a flow collection entry, found \(token.userDescription)",
                    at: token.start,
                    hint: "separate entries with ','; quote values that contain ',', '[', ']', '{' or '}'")
            }
            try scanner.skipToken()
            kind = try scanner.peekKind()
            if kind == .flowSequenceEnd || kind == .flowMappingEnd {
                try scanner.skipToken()
                return nil
            }
        }
        if kind == .flowEntry {
            throw scanner.error(
                "unexpected ',' in a flow collection: an entry is missing", at: try scanner.peekMarks().start,
                hint: "remove the extra ',' or write the missing entry (null is written 'null' or '~')")
        }
        return kind
    }

    /// A key or value inside a flow collection; empty when the entry ends first.
    private mutating func parseFlowPart(emptyAt mark: YAMLMark) throws(Diagnostic) -> YAMLNode {
        switch try scanner.peekKind() {
        case .value, .flowEntry, .flowSequenceEnd, .flowMappingEnd: return emptyNode(at: mark)
        default: return try parseNode(block: false, indentlessSequence: false)
        }
    }

    /// The `: value` part of a flow pair; empty when there is no `:`.
    private mutating func parseFlowPairValue() throws(Diagnostic) -> YAMLNode {
        let (kind, start, end) = try scanner.peekHead()
        guard kind == .value else { return emptyNode(at: start) }
        try scanner.skipToken()
        return try parseFlowPart(emptyAt: end)
    }
}
