/// A position in the input: byte offset plus 0-based line and column (in Unicode scalars).
struct YAMLMark: Sendable {
    /// Byte offset into the UTF-8 input.
    var offset = 0
    /// 0-based line.
    var line = 0
    /// 0-based column, counting Unicode scalars.
    var column = 0
}

/// One token of the YAML grammar, produced by `YAMLScanner` and consumed by `YAMLParser`.
///
/// The token set follows libyaml's: indentation becomes explicit
/// `blockMappingStart`/`blockSequenceStart`/`blockEnd` tokens, so the parser is a
/// plain recursive descent that never looks at columns.
struct YAMLToken: Sendable {
    /// What the token is.
    enum Kind: Sendable {
        case streamStart, streamEnd
        case versionDirective(major: Int, minor: Int)
        case tagDirective(handle: String, prefix: String)
        case reservedDirective(name: String)
        case documentStart, documentEnd
        case blockSequenceStart, blockMappingStart, blockEnd
        case flowSequenceStart, flowSequenceEnd, flowMappingStart, flowMappingEnd
        case blockEntry, flowEntry, key, value
        case alias(String)
        case anchor(String)
        /// A tag as written: `handle` is `!`, `!!`, `!name!`, or empty for a verbatim `!<...>` tag.
        case tag(handle: String, suffix: String)
        case scalar(String, YAMLNode.Style)
    }

    /// What the token is.
    var kind: Kind
    /// Where the token starts.
    var start: YAMLMark
    /// Where the token ends (just after its last character).
    var end: YAMLMark
}

extension YAMLToken.Kind {
    /// The token as a user would name it in an error message.
    var userDescription: String {
        switch self {
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
        case .alias(let name): return "alias '*\(name)'"
        case .anchor(let name): return "anchor '&\(name)'"
        case .tag(let handle, let suffix): return "tag '\(handle)\(suffix)'"
        case .scalar(let text, _):
            let short = text.count > 20 ? String(text.prefix(20)) + "…" : text
            return "'\(short)'"
        }
    }
}
