import Basics

// One node: its properties (anchor, tag), an alias, a scalar, or a collection.
extension YAMLParser {
    /// The properties written before a node's content.
    struct Properties {
        var start: YAMLMark?
        var anchor: String?
        var tag: String?
        var tagMark = YAMLMark()
    }

    /// Parses a node. In block context (`block`), block collections may follow; with
    /// `indentlessSequence`, so may `- ` entries at the parent's own indentation.
    mutating func parseNode(block: Bool, indentlessSequence: Bool) throws(Diagnostic) -> YAMLNode {
        let (kind, contentStart, _) = try scanner.peekHead()
        switch kind {
        case .alias:
            let alias = try scanner.nextToken()
            return try resolveAlias(alias.text, at: alias.start)
        case .anchor, .tag:
            return try parseNodeWithProperties(block: block, indentlessSequence: indentlessSequence)
        default:
            nodeCount += 1
            return try parseContent(
                kind, at: contentStart, block: block, indentlessSequence: indentlessSequence, properties: Properties())
        }
    }

    /// A node with an anchor or a tag: the properties apply to the content, and an
    /// anchor records the finished node for later aliases.
    private mutating func parseNodeWithProperties(
        block: Bool, indentlessSequence: Bool
    ) throws(Diagnostic) -> YAMLNode {
        let properties = try parseProperties()
        let (kind, contentStart, _) = try scanner.peekHead()
        let start = properties.start ?? contentStart
        let countBefore = nodeCount
        let deepestOutside = deepest
        deepest = depth
        if let anchor = properties.anchor { anchorsInProgress.insert(anchor) }
        if kind == .alias {
            throw scanner.error(
                "an alias cannot have an anchor or a tag", at: start,
                hint: "remove the '&anchor' or '!tag' before the alias")
        }
        nodeCount += 1
        var node = try parseContent(
            kind, at: start, block: block, indentlessSequence: indentlessSequence, properties: properties)
        if !node.isScalar { try checkCollectionTag(node, properties: properties) }
        node.tag = properties.tag
        node.anchor = properties.anchor
        if let anchor = properties.anchor {
            anchorsInProgress.remove(anchor)
            anchors[anchor] = Anchored(node: node, weight: nodeCount - countBefore, height: deepest - depth)
        }
        deepest = max(deepest, deepestOutside)
        return node
    }

    /// The node's content, starting with a token of the given kind.
    private mutating func parseContent(
        _ kind: YAMLToken.Kind, at start: YAMLMark, block: Bool, indentlessSequence: Bool, properties: Properties
    ) throws(Diagnostic) -> YAMLNode {
        switch kind {
        case .scalar:
            let scalar = try scanner.nextToken()
            return try makeScalar(scalar.text, style: scalar.style, properties: properties, at: start)
        case .flowSequenceStart:
            return try parseFlowSequence(at: start)
        case .flowMappingStart:
            return try parseFlowMapping(at: start)
        case .blockSequenceStart where block:
            return try parseBlockSequence(at: start)
        case .blockMappingStart where block:
            return try parseBlockMapping(at: start)
        case .blockEntry where block && indentlessSequence:
            return try parseIndentlessSequence(at: start)
        default:
            guard properties.start != nil else {
                let token = try scanner.peekToken()
                throw scanner.error(
                    "expected a value, found \(token.userDescription)", at: token.start,
                    hint: "check the indentation and the punctuation before this point")
            }
            return try makeScalar("", style: .plain, properties: properties, at: start)
        }
    }

    private mutating func parseProperties() throws(Diagnostic) -> Properties {
        var properties = Properties()
        while true {
            let kind = try scanner.peekKind()
            guard kind == .anchor || kind == .tag else { return properties }
            let token = try scanner.nextToken()
            if kind == .anchor {
                guard properties.anchor == nil else {
                    throw scanner.error(
                        "a node can have only one anchor", at: token.start, hint: "remove one of the anchors")
                }
                properties.anchor = token.text
            } else {
                guard properties.tag == nil else {
                    throw scanner.error("a node can have only one tag", at: token.start, hint: "remove one of the tags")
                }
                properties.tag = try resolveTag(handle: token.handle, suffix: token.text, at: token.start)
                properties.tagMark = token.start
            }
            if properties.start == nil { properties.start = token.start }
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
        guard depth + anchored.height <= Self.maxDepth else {
            throw scanner.error(
                "the alias '*\(name)' nests collections more than \(Self.maxDepth) levels deep", at: mark,
                hint: "aliases of aliases multiply nesting; flatten the structure")
        }
        deepest = max(deepest, depth + anchored.height)
        aliasExpansion += anchored.weight
        nodeCount += anchored.weight
        guard aliasExpansion <= aliasBudget else {
            throw scanner.error(
                "aliases expand this document to more than \(aliasBudget) nodes", at: mark,
                hint: "nested aliases multiply; this looks like an alias bomb")
        }
        var node = anchored.node
        node.location = location(mark)
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
        return YAMLNode(value, at: location(start), text: text, style: style)
    }

    private func checkCollectionTag(_ node: YAMLNode, properties: Properties) throws(Diagnostic) {
        guard let tag = properties.tag, !CoreSchema.allows(tag: tag, on: node.value) else { return }
        throw scanner.error(
            "the tag \(CoreSchema.shortName(tag)) cannot be applied to \(node.kindDescription)",
            at: properties.tagMark, hint: "remove the tag")
    }
}
