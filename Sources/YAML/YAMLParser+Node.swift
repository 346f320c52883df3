import Basics

// One node: its properties (anchor, tag), an alias, a scalar, or a collection.
extension YAMLParser {
    /// The properties written before a node's content.
    struct Properties {
        var start: YAMLMark?
        var end = YAMLMark()
        var anchor: String?
        var tag: String?
        var tagMark = YAMLMark()
    }

    /// Parses a node. In block context (`block`), block collections may follow; with
    /// `indentlessSequence`, so may `- ` entries at the parent's own indentation.
    mutating func parseNode(block: Bool, indentlessSequence: Bool) throws(Diagnostic) -> YAMLNode {
        var token = try scanner.peekToken()
        if case .alias(let name) = token.kind {
            _ = try scanner.nextToken()
            return try resolveAlias(name, at: token.start)
        }
        let properties = try parseProperties()
        token = try scanner.peekToken()
        let start = properties.start ?? token.start
        let countBefore = nodeCount
        if let anchor = properties.anchor { anchorsInProgress.insert(anchor) }

        var node: YAMLNode
        switch token.kind {
        case .scalar(let text, let style):
            _ = try scanner.nextToken()
            node = try makeScalar(text, style: style, properties: properties, at: start)
        case .flowSequenceStart:
            node = try parseFlowSequence(at: start)
        case .flowMappingStart:
            node = try parseFlowMapping(at: start)
        case .blockSequenceStart where block:
            node = try parseBlockSequence(at: start)
        case .blockMappingStart where block:
            node = try parseBlockMapping(at: start)
        case .blockEntry where block && indentlessSequence:
            node = try parseIndentlessSequence(at: start)
        case .alias:
            throw scanner.error(
                "an alias cannot have an anchor or a tag", at: start,
                hint: "remove the '&anchor' or '!tag' before the alias")
        default:
            guard properties.start != nil else {
                throw scanner.error(
                    "expected a value, found \(token.kind.userDescription)", at: token.start,
                    hint: "check the indentation and the punctuation before this point")
            }
            node = try makeScalar("", style: .plain, properties: properties, at: start)
        }
        nodeCount += 1
        if case .sequence = node.value { try checkCollectionTag(node, properties: properties) }
        if case .mapping = node.value { try checkCollectionTag(node, properties: properties) }
        node.tag = properties.tag
        node.anchor = properties.anchor
        if let anchor = properties.anchor {
            anchorsInProgress.remove(anchor)
            anchors[anchor] = Anchored(node: node, weight: nodeCount - countBefore)
        }
        return node
    }

    private mutating func parseProperties() throws(Diagnostic) -> Properties {
        var properties = Properties()
        while true {
            let token = try scanner.peekToken()
            switch token.kind {
            case .anchor(let name):
                guard properties.anchor == nil else {
                    throw scanner.error(
                        "a node can have only one anchor", at: token.start, hint: "remove one of the anchors")
                }
                properties.anchor = name
            case .tag(let handle, let suffix):
                guard properties.tag == nil else {
                    throw scanner.error("a node can have only one tag", at: token.start, hint: "remove one of the tags")
                }
                properties.tag = try resolveTag(handle: handle, suffix: suffix, at: token.start)
                properties.tagMark = token.start
            default:
                return properties
            }
            if properties.start == nil { properties.start = token.start }
            properties.end = token.end
            _ = try scanner.nextToken()
        }
    }

    /// The full tag for a handle and suffix, using the document's `%TAG` directives.
    private func resolveTag(handle: String, suffix: String, at mark: YAMLMark) throws(Diagnostic) -> String {
        if handle.isEmpty { return suffix }
        if handle == "!" && suffix.isEmpty { return "!" }
        if let prefix = tagHandles[handle] { return prefix + suffix }
        switch handle {
        case "!": return "!" + suffix
        case "!!": return CoreSchema.tagPrefix + suffix
        default:
            throw scanner.error(
                "undefined tag handle '\(handle)'", at: mark,
                hint: "declare it with '%TAG \(handle) prefix' before the document's '---'")
        }
    }

    /// A copy of the anchored node, located at the alias.
    private mutating func resolveAlias(_ name: String, at mark: YAMLMark) throws(Diagnostic) -> YAMLNode {
        guard let anchored = anchors[name] else {
            if anchorsInProgress.contains(name) {
                throw scanner.error(
                    "the alias '*\(name)' refers to a node that contains it", at: mark,
                    hint: "recursive structures are not supported; refer to a different anchor")
            }
            throw scanner.error(
                "undefined alias '*\(name)'", at: mark,
                hint: "define '&\(name)' on a node earlier in the same document")
        }
        aliasExpansion += anchored.weight
        nodeCount += anchored.weight
        guard aliasExpansion <= aliasBudget else {
            throw scanner.error(
                "aliases expand this document to more than \(aliasBudget) nodes", at: mark,
                hint: "nested aliases multiply; this looks like an alias bomb")
        }
        var node = anchored.node
        node.location = scanner.location(mark)
        return node
    }

    private func makeScalar(
        _ text: String, style: YAMLNode.Style, properties: Properties, at start: YAMLMark
    ) throws(Diagnostic) -> YAMLNode {
        let value: YAMLNode.Value
        if let tag = properties.tag {
            guard let tagged = CoreSchema.value(of: text, tag: tag) else {
                throw scanner.error(
                    CoreSchema.isCollectionTag(tag)
                        ? "the tag \(CoreSchema.shortName(tag)) cannot be applied to a scalar"
                        : "'\(text)' is not a valid \(CoreSchema.shortName(tag)) value",
                    at: properties.tagMark, hint: "remove the tag or correct the value")
            }
            value = tagged
        } else {
            value = style == .plain ? CoreSchema.resolve(text) : .string(text)
        }
        return YAMLNode(value, at: scanner.location(start), text: text, style: style)
    }

    private func checkCollectionTag(_ node: YAMLNode, properties: Properties) throws(Diagnostic) {
        guard let tag = properties.tag, !CoreSchema.allows(tag: tag, on: node.value) else { return }
        throw scanner.error(
            "the tag \(CoreSchema.shortName(tag)) cannot be applied to \(node.kindDescription)",
            at: properties.tagMark, hint: "remove the tag")
    }
}
