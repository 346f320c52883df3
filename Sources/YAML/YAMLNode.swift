import Basics

/// A parsed node with its source location.
///
/// Aliases are resolved and merge keys (`<<`) applied while parsing, so a node tree
/// is plain data: a caller never sees an anchor it has to follow.
package struct YAMLNode: Sendable, Hashable {
    /// What the node holds, after the core schema (or an explicit tag) resolved it.
    package enum Value: Sendable, Hashable {
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
    package enum Style: Sendable, Hashable {
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
    package var value: Value
    /// For scalars, the content as written after unescaping and folding (e.g. `"0.10"`); `nil` for collections.
    package var text: String?
    /// How the node was written.
    package var style: Style

    // The location and the rarely present tag and anchor are stored compactly: a
    // configuration file holds hundreds of thousands of nodes, and every byte of a node
    // is copied and every reference retained whenever a node moves.
    private var file: String
    private var line: Int32
    private var column: Int32
    private var properties: Properties?

    /// Where the node starts (its anchor or tag when it has one); for an alias, where the alias is.
    package var location: SourceLocation {
        get { SourceLocation(file: file, line: Int(line), column: Int(column)) }
        set {
            file = newValue.file
            line = Self.compact(newValue.line)
            column = Self.compact(newValue.column)
        }
    }

    /// The resolved tag (e.g. `tag:yaml.org,2002:str`, `!local`), or `nil` when the node had none.
    package var tag: String? {
        get { properties?.tag }
        set { properties = Properties.make(tag: newValue, anchor: anchor) }
    }

    /// The anchor the node was defined with, if any.
    package var anchor: String? {
        get { properties?.anchor }
        set { properties = Properties.make(tag: tag, anchor: newValue) }
    }

    /// Creates a node.
    package init(
        _ value: Value, at location: SourceLocation, text: String? = nil,
        tag: String? = nil, anchor: String? = nil, style: Style = .plain
    ) {
        self.value = value
        self.text = text
        self.style = style
        file = location.file
        line = Self.compact(location.line)
        column = Self.compact(location.column)
        properties = Properties.make(tag: tag, anchor: anchor)
    }

    /// A line or column in 32 bits (clamped; no text file has two billion lines).
    private static func compact(_ value: Int) -> Int32 {
        value > Int(Int32.max) ? Int32.max : (value < 0 ? 0 : Int32(value))
    }

    /// A node's tag and anchor, boxed because most nodes have neither.
    private final class Properties: Hashable, Sendable {
        let tag: String?
        let anchor: String?

        private init(tag: String?, anchor: String?) {
            self.tag = tag
            self.anchor = anchor
        }

        static func make(tag: String?, anchor: String?) -> Properties? {
            tag == nil && anchor == nil ? nil : Properties(tag: tag, anchor: anchor)
        }

        static func == (lhs: Properties, rhs: Properties) -> Bool {
            lhs.tag == rhs.tag && lhs.anchor == rhs.anchor
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(tag)
            hasher.combine(anchor)
        }
    }
}
