/// One token of the YAML grammar, produced by `YAMLScanner` and consumed by `YAMLParser`.
///
/// The token set follows libyaml's: indentation becomes explicit
/// `blockMappingStart`/`blockSequenceStart`/`blockEnd` tokens, so the parser is a
/// plain recursive descent that never looks at columns. The kind carries no payload,
/// so the parser can look ahead without copying strings.
struct YAMLToken: Sendable {
    /// What the token is.
    enum Kind: Sendable {
        case streamStart, streamEnd
        /// `%YAML major.minor`.
        case versionDirective
        /// `%TAG handle prefix`: `handle` and `text` (the prefix).
        case tagDirective
        /// Any other directive; `text` is its name.
        case reservedDirective
        case documentStart, documentEnd
        case blockSequenceStart, blockMappingStart, blockEnd
        case flowSequenceStart, flowSequenceEnd, flowMappingStart, flowMappingEnd
        case blockEntry, flowEntry, key, value
        /// `*name`; `text` is the name.
        case alias
        /// `&name`; `text` is the name.
        case anchor
        /// A tag: `handle` is `!`, `!!`, `!name!`, or empty for a verbatim `!<...>` tag; `text` is the suffix.
        case tag
        /// A scalar: `text` is its content, `style` how it was written.
        case scalar
    }

    /// What the token is.
    var kind: Kind
    /// Where the token starts.
    var start: YAMLMark
    /// Where the token ends (just after its last character).
    var end: YAMLMark
    /// The token's text (see `Kind`).
    var text = ""
    /// A tag's or `%TAG` directive's handle.
    var handle = ""
    /// How a scalar was written.
    var style = YAMLNode.Style.plain
    /// The version of a `%YAML` directive.
    var version = (major: 0, minor: 0)
}

extension YAMLToken {
    /// The token as a user would name it in an error message.
    var userDescription: String {
        switch kind {
        case .streamStart: return "the start of the file"
        case .streamEnd: return "the end of the file"
        case .versionDirective, .tagDirective, .reservedDirective: return "a directive"
        case .documentStart: return "'---'"
        case .documentEnd: return "'...'"
        case .blockSequenceStart: return "a block sequence"
        case .blockMappingStart: return "a block mapping"
        case .blockEnd: return "the end of a block"
        case .flowSequenceStart: return "'['"
        case .flowSequenceEnd: return "']'"
        case .flowMappingStart: return "'{'"
        case .flowMappingEnd: return "'}'"
        case .blockEntry: return "'-'"
        case .flowEntry: return "','"
        case .key: return "'?'"
        case .value: return "':'"
        case .alias: return "alias '*\(text)'"
        case .anchor: return "anchor '&\(text)'"
        case .tag: return "tag '\(handle)\(text)'"
        case .scalar:
            let short = text.count > 20 ? String(text.prefix(20)) + "…" : text
            return "'\(short)'"
        }
    }
}
