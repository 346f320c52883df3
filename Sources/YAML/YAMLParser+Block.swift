import Basics

// Block (indentation-based) sequences and mappings.
extension YAMLParser {
    /// Counts one more level of nesting, refusing to go deeper than `maxDepth`.
    mutating func enterCollection(at start: YAMLMark) throws(Diagnostic) {
        depth += 1
        guard depth <= Self.maxDepth else {
            throw scanner.error(
                "collections are nested more than \(Self.maxDepth) levels deep", at: start,
                hint: "flatten the structure")
        }
    }

    mutating func parseBlockSequence(at start: YAMLMark) throws(Diagnostic) -> YAMLNode {
        try enterCollection(at: start)
        defer { depth -= 1 }
        let opening = try scanner.nextToken()
        var items: [YAMLNode] = []
        while true {
            let token = try scanner.nextToken()
            switch token.kind {
            case .blockEntry:
                items.append(try parseBlockEntryValue(after: token, endsAtKey: false))
            case .blockEnd:
                return YAMLNode(.sequence(items), at: scanner.location(start), style: .block)
            default:
                throw scanner.error(
                    "expected a '- ' entry of the sequence that starts at \(opening.start.line + 1):"
                        + "\(opening.start.column + 1), found \(token.kind.userDescription)",
                    at: token.start, hint: "check this line's indentation")
            }
        }
    }

    /// A sequence whose `- ` entries sit at the same column as the key they belong to.
    mutating func parseIndentlessSequence(at start: YAMLMark) throws(Diagnostic) -> YAMLNode {
        try enterCollection(at: start)
        defer { depth -= 1 }
        var items: [YAMLNode] = []
        while case .blockEntry = try scanner.peekToken().kind {
            let entry = try scanner.nextToken()
            items.append(try parseBlockEntryValue(after: entry, endsAtKey: true))
        }
        return YAMLNode(.sequence(items), at: scanner.location(start), style: .block)
    }

    private mutating func parseBlockEntryValue(after entry: YAMLToken, endsAtKey: Bool) throws(Diagnostic) -> YAMLNode {
        switch try scanner.peekToken().kind {
        case .blockEntry, .blockEnd: return emptyNode(at: entry.end)
        case .key where endsAtKey, .value where endsAtKey: return emptyNode(at: entry.end)
        default: return try parseNode(block: true, indentlessSequence: false)
        }
    }

    mutating func parseBlockMapping(at start: YAMLMark) throws(Diagnostic) -> YAMLNode {
        try enterCollection(at: start)
        defer { depth -= 1 }
        let opening = try scanner.nextToken()
        var builder = MappingBuilder()
        while true {
            let token = try scanner.peekToken()
            let key: YAMLNode
            switch token.kind {
            case .key:
                _ = try scanner.nextToken()
                key = try parseBlockMappingPart(emptyAt: token.end)
            case .value:
                key = emptyNode(at: token.start)
            case .blockEnd:
                _ = try scanner.nextToken()
                let pairs = try builder.finish()
                return YAMLNode(.mapping(pairs), at: scanner.location(start), style: .block)
            default:
                throw unexpectedInBlockMapping(token, mappingColumn: opening.start.column)
            }
            let value: YAMLNode
            let separator = try scanner.peekToken()
            if case .value = separator.kind {
                _ = try scanner.nextToken()
                value = try parseBlockMappingPart(emptyAt: separator.end)
            } else {
                value = emptyNode(at: separator.start)
            }
            try builder.add(YAMLPair(key: key, value: value))
        }
    }

    /// A key or value of a block mapping, which is empty when the next token already
    /// belongs to the following entry.
    private mutating func parseBlockMappingPart(emptyAt mark: YAMLMark) throws(Diagnostic) -> YAMLNode {
        switch try scanner.peekToken().kind {
        case .key, .value, .blockEnd: return emptyNode(at: mark)
        default: return try parseNode(block: true, indentlessSequence: true)
        }
    }

    private func unexpectedInBlockMapping(_ token: YAMLToken, mappingColumn: Int) -> Diagnostic {
        if case .blockEntry = token.kind, token.start.column == mappingColumn {
            return scanner.error(
                "a '- ' sequence entry cannot appear at the same indentation as the keys of a mapping",
                at: token.start,
                hint: "indent the entries under the key they belong to, or write 'key: value' here")
        }
        if token.start.column > mappingColumn {
            return scanner.error(
                "bad indentation: this is indented more than the mapping's keys (column \(mappingColumn + 1)) "
                    + "but belongs to no key", at: token.start,
                hint: "align it with the keys, or put it under a key that has no value yet")
        }
        return scanner.error(
            "expected a mapping key, found \(token.kind.userDescription)", at: token.start,
            hint: "write 'key: value' entries aligned with the mapping's other keys")
    }
}
