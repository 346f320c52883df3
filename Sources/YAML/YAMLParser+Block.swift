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
        deepest = max(deepest, depth)
    }

    mutating func parseBlockSequence(at start: YAMLMark) throws(Diagnostic) -> YAMLNode {
        try enterCollection(at: start)
        defer { depth -= 1 }
        let opening = try scanner.peekMarks().start
        try scanner.skipToken()
        var items: [YAMLNode] = []
        while true {
            let (kind, entryStart, entryEnd) = try scanner.peekHead()
            switch kind {
            case .blockEntry:
                try scanner.skipToken()
                items.append(try parseBlockEntryValue(emptyAt: entryEnd, endsAtKey: false))
            case .blockEnd:
                try scanner.skipToken()
                return YAMLNode(.sequence(items), at: location(start), style: .block)
            default:
                throw scanner.error(
                    "expected a '- ' entry of the sequence that starts at \(opening.line + 1):"
                        + "\(opening.column + 1), found \(try scanner.peekToken().userDescription)",
                    at: entryStart, hint: "check this line's indentation")
            }
        }
    }

    /// A sequence whose `- ` entries sit at the same column as the key they belong to.
    mutating func parseIndentlessSequence(at start: YAMLMark) throws(Diagnostic) -> YAMLNode {
        try enterCollection(at: start)
        defer { depth -= 1 }
        var items: [YAMLNode] = []
        while try scanner.peekKind() == .blockEntry {
            let entryEnd = try scanner.peekMarks().end
            try scanner.skipToken()
            items.append(try parseBlockEntryValue(emptyAt: entryEnd, endsAtKey: true))
        }
        return YAMLNode(.sequence(items), at: location(start), style: .block)
    }

    private mutating func parseBlockEntryValue(emptyAt mark: YAMLMark, endsAtKey: Bool) throws(Diagnostic) -> YAMLNode {
        switch try scanner.peekKind() {
        case .blockEntry, .blockEnd: return emptyNode(at: mark)
        case .key where endsAtKey, .value where endsAtKey: return emptyNode(at: mark)
        default: return try parseNode(block: true, indentlessSequence: false)
        }
    }

    mutating func parseBlockMapping(at start: YAMLMark) throws(Diagnostic) -> YAMLNode {
        try enterCollection(at: start)
        defer { depth -= 1 }
        let mappingColumn = try scanner.peekMarks().start.column
        try scanner.skipToken()
        var builder = MappingBuilder()
        while true {
            let (kind, tokenStart, tokenEnd) = try scanner.peekHead()
            let key: YAMLNode
            switch kind {
            case .key:
                try scanner.skipToken()
                key = try parseBlockMappingPart(emptyAt: tokenEnd)
            case .value:
                key = emptyNode(at: tokenStart)
            case .blockEnd:
                try scanner.skipToken()
                return YAMLNode(.mapping(try builder.finish()), at: location(start), style: .block)
            default:
                throw unexpectedInBlockMapping(try scanner.peekToken(), mappingColumn: mappingColumn)
            }
            let value: YAMLNode
            let (separator, separatorStart, separatorEnd) = try scanner.peekHead()
            if separator == .value {
                try scanner.skipToken()
                value = try parseBlockMappingPart(emptyAt: separatorEnd)
            } else {
                value = emptyNode(at: separatorStart)
            }
            try builder.add(YAMLPair(key: consume key, value: consume value))
        }
    }

    /// A key or value of a block mapping, which is empty when the next token already
    /// belongs to the following entry.
    private mutating func parseBlockMappingPart(emptyAt mark: YAMLMark) throws(Diagnostic) -> YAMLNode {
        switch try scanner.peekKind() {
        case .key, .value, .blockEnd: return emptyNode(at: mark)
        default: return try parseNode(block: true, indentlessSequence: true)
        }
    }

    private func unexpectedInBlockMapping(_ token: YAMLToken, mappingColumn: Int) -> Diagnostic {
        if token.kind == .blockEntry, token.start.column == mappingColumn {
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
            "expected a mapping key, found \(token.userDescription)", at: token.start,
            hint: "write 'key: value' entries aligned with the mapping's other keys")
    }
}
