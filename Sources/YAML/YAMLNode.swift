import Basics

/// A parsed node with its source location.
///
/// Aliases are resolved and merge keys (`<<`) applied while parsing, so a node tree
/// is plain data: a caller never sees an anchor it has to follow.
public struct YAMLNode: Sendable, Hashable {
    /// What the node holds, after the core schema (or an explicit tag) resolved it.
    public enum Value: Sendable, Hashable {
        /// `null`, `~`, an empty value, or `!!null`.
        case null
        /// `true` / `false` in any of the core schema's spellings.
        case bool(Bool)
        /// A decimal, `0x` or `0o` integer that fits in `Int`.
        case int(Int)
        /// A float, including `.inf`, `-.inf` and `.nan`.
        case double(Double)
        /// Any other scalar; quoted and block scalars are always strings.
        case string(String)
        /// A sequence, in document order.
        case sequence([YAMLNode])
        /// A mapping in document order; keys are unique.
        case mapping([YAMLPair])
    }

    /// How the node was written, for tools that want to echo it faithfully.
    public enum Style: Sendable, Hashable {
        /// An unquoted scalar.
        case plain
        /// A `'single-quoted'` scalar.
        case singleQuoted
        /// A `"double-quoted"` scalar.
        case doubleQuoted
        /// A `|` block scalar.
        case literal
        /// A `>` block scalar.
        case folded
        /// An indentation-based collection.
        case block
        /// A `[...]` or `{...}` collection.
        case flow
    }

    /// The node's content.
    public var value: Value
    /// Where the node starts (its anchor or tag when it has one); for an alias, where the alias is.
    public var location: SourceLocation
    /// For scalars, the content as written after unescaping and folding (e.g. `"0.10"`); `nil` for collections.
    public var text: String?
    /// The resolved tag (e.g. `tag:yaml.org,2002:str`, `!local`), or `nil` when the node had none.
    public var tag: String?
    /// The anchor the node was defined with, if any.
    public var anchor: String?
    /// How the node was written.
    public var style: Style

    /// Creates a node.
    public init(
        _ value: Value, at location: SourceLocation, text: String? = nil,
        tag: String? = nil, anchor: String? = nil, style: Style = .plain
    ) {
        self.value = value
        self.location = location
        self.text = text
        self.tag = tag
        self.anchor = anchor
        self.style = style
    }
}

/// One key/value entry of a mapping.
public struct YAMLPair: Sendable, Hashable {
    /// The key (usually a string scalar).
    public var key: YAMLNode
    /// The value.
    public var value: YAMLNode

    /// Creates a pair.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}
