import Basics

/// Turns YAML text (UTF-8 bytes) into tokens, checking indentation as it goes.
///
/// The design is libyaml's: a queue of tokens, an indentation stack that produces
/// block-start and block-end tokens, and "simple key" candidates that become `key`
/// tokens retroactively when a `:` follows them on the same line. On top of that it
/// enforces YAML 1.2 rules libyaml leaves out (tabs, flow indentation, comments that
/// need a space, text after quoted scalars), so invalid files are rejected with a
/// location instead of being read in some surprising way.
struct YAMLScanner {
    /// A place where a token could turn out to be an implicit mapping key.
    struct SimpleKey {
        var possible = false
        /// The key sits at the block indentation, so a `:` must follow on this line.
        var required = false
        /// The number of the token that would be preceded by the `key` token.
        var tokenNumber = 0
        var mark = YAMLMark()
        /// A tab separated the key from what precedes it on its line; such a key cannot open a block mapping.
        var afterTab = false
    }

    /// An open `[` or `{`.
    struct FlowOpening {
        var mark: YAMLMark
        var isMapping: Bool
    }

    /// The input; the scanner reads a 0 past its end, and the input never contains NUL.
    let bytes: [UInt8]
    /// The file name shown in diagnostics.
    let file: String

    var offset = 0
    var line = 0
    var column = 0
    /// Offset where the current line starts.
    var lineStart = 0

    /// Tokens produced but not yet handed out; `tokens[head]` is the next one.
    var tokens: [YAMLToken] = []
    var head = 0
    /// How many tokens have been handed out: the number of `tokens[head]`.
    var tokensTaken = 0
    var streamStarted = false
    var streamEnded = false

    /// Column of the innermost block collection (-1 outside any).
    var indent = -1
    var indents: [Int] = []
    var flowOpenings: [FlowOpening] = []
    var simpleKeyAllowed = false
    /// One candidate per flow level; index 0 is the block context.
    var simpleKeys: [SimpleKey] = [SimpleKey()]
    /// A tab was skipped since the last token on this line.
    var sawTab = false
    /// Directives may appear: at the start of the stream or after `...`.
    var directivesAllowed = true
    /// The previous token was a quoted scalar or a flow collection's end inside a flow
    /// collection, after which `:` is a value indicator even without a following space.
    var adjacentValueAllowed = false
    /// Where the last token started, for messages about what came before a problem.
    var lastTokenStart = YAMLMark()

    /// Creates a scanner over `bytes`, which must already be valid UTF-8 without NUL.
    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    var flowLevel: Int { flowOpenings.count }

    var mark: YAMLMark { YAMLMark(offset: offset, line: line, column: column) }

    /// The byte `ahead` positions from the current one, or 0 past the end.
    @inline(__always)
    func peek(_ ahead: Int = 0) -> UInt8 {
        let index = offset + ahead
        return index < bytes.count ? bytes[index] : 0
    }

    var atEnd: Bool { offset >= bytes.count }

    /// Moves over one byte that is not a line break.
    @inline(__always)
    mutating func advance() {
        if bytes[offset].startsCharacter { column += 1 }
        offset += 1
    }

    /// Moves over `count` bytes, none of them line breaks.
    mutating func advance(by count: Int) {
        for _ in 0..<count { advance() }
    }

    /// Moves over a line break (`\n`, `\r\n` or `\r`).
    mutating func consumeBreak() {
        if bytes[offset] == 0x0D && peek(1) == 0x0A { offset += 2 } else { offset += 1 }
        line += 1
        column = 0
        lineStart = offset
    }

    /// Whether the current position holds `---` or `...` followed by a blank, a break or the end.
    func atDocumentMarker() -> Bool {
        guard column == 0 else { return false }
        let c = peek()
        guard c == UInt8(ascii: "-") || c == UInt8(ascii: ".") else { return false }
        return peek(1) == c && peek(2) == c && peek(3).isBlankOrBreakOrEnd
    }

    /// Whether only blanks precede `position` on its line.
    func isFirstOnLine(_ position: Int) -> Bool {
        var index = position - 1
        while index >= lineStart {
            if !bytes[index].isBlank { return false }
            index -= 1
        }
        return true
    }

    /// The number of spaces that begin the current line (tabs do not count as indentation).
    var lineIndent: Int {
        var index = lineStart
        while index < bytes.count && bytes[index] == 0x20 { index += 1 }
        return index - lineStart
    }

    /// The source location of `mark`.
    func location(_ mark: YAMLMark) -> SourceLocation {
        SourceLocation(file: file, line: mark.line + 1, column: mark.column + 1)
    }

    /// An error diagnostic at `mark`.
    func error(_ message: String, at mark: YAMLMark, hint: String? = nil) -> Diagnostic {
        .error(message, at: location(mark), hint: hint)
    }

    /// The character at the current position, quoted for a message.
    var currentCharacterDescription: String {
        guard !atEnd else { return "the end of the file" }
        var end = offset + 1
        while end < bytes.count && !bytes[end].startsCharacter { end += 1 }
        let character = String(decoding: bytes[offset..<end], as: UTF8.self)
        return character == "\t" ? "a tab" : "'\(character)'"
    }
}
