import Basics

// Node properties (anchors, tags) and aliases.
extension YAMLScanner {
    /// `&name` or `*name`. Names run up to a blank or a flow indicator, so `&a:` names `a:`.
    mutating func fetchAnchor(isAlias: Bool) throws(Diagnostic) {
        try saveSimpleKey()
        simpleKeyAllowed = false
        let start = mark
        advance()
        let nameStart = offset
        while !peek().isBlankOrBreakOrEnd && !peek().isFlowIndicator { advance() }
        let what = isAlias ? "an alias" : "an anchor"
        guard offset > nameStart else {
            throw error(
                "\(what) needs a name after '\(isAlias ? "*" : "&")'", at: start,
                hint: "write '\(isAlias ? "*" : "&")name', or quote the value if the character belongs to it")
        }
        let name = String(decoding: bytes[nameStart..<offset], as: UTF8.self)
        append(isAlias ? .alias(name) : .anchor(name), from: start, to: mark)
        try checkSeparationAfterProperty(what)
    }

    /// `!`, `!suffix`, `!!suffix`, `!handle!suffix` or `!<verbatim>`.
    mutating func fetchTag() throws(Diagnostic) {
        try saveSimpleKey()
        simpleKeyAllowed = false
        let start = mark
        let handle: String
        let suffix: String
        if peek(1) == UInt8(ascii: "<") {
            advance(by: 2)
            handle = ""
            suffix = try scanTagCharacters(verbatim: true)
            guard peek() == UInt8(ascii: ">"), !suffix.isEmpty else {
                throw error(
                    "a verbatim tag must be '!<' followed by a URI and '>'", at: start,
                    hint: "close the tag with '>'")
            }
            advance()
        } else {
            advance()
            var index = offset
            while index < bytes.count && bytes[index].isWordCharacter { index += 1 }
            if index < bytes.count && bytes[index] == UInt8(ascii: "!") {
                handle = "!" + String(decoding: bytes[offset..<index], as: UTF8.self) + "!"
                advance(by: index + 1 - offset)
                suffix = try scanTagCharacters(verbatim: false)
                guard !suffix.isEmpty else {
                    throw error(
                        "the tag handle '\(handle)' needs a suffix", at: start,
                        hint: "write for example '\(handle)str'")
                }
            } else {
                handle = "!"
                suffix = try scanTagCharacters(verbatim: false)
            }
        }
        append(.tag(handle: handle, suffix: suffix), from: start, to: mark)
        try checkSeparationAfterProperty("a tag")
    }

    /// Reads tag characters, decoding `%XX` escapes.
    private mutating func scanTagCharacters(verbatim: Bool) throws(Diagnostic) -> String {
        var out: [UInt8] = []
        while true {
            let c = peek()
            if c == UInt8(ascii: "%") {
                guard let high = peek(1).hexDigitValue, let low = peek(2).hexDigitValue else {
                    throw error(
                        "'%' in a tag must be followed by two hexadecimal digits", at: mark,
                        hint: "write '%25' for a literal '%'")
                }
                out.append(UInt8(high << 4 | low))
                advance(by: 3)
            } else if verbatim ? (c.isURICharacter && c != UInt8(ascii: ">")) : c.isTagCharacter {
                out.append(c)
                advance()
            } else {
                return String(decoding: out, as: UTF8.self)
            }
        }
    }

    /// Properties must be separated from the node's content by whitespace; inside a
    /// flow collection an entry may also end right after them (an empty node).
    private func checkSeparationAfterProperty(_ what: String) throws(Diagnostic) {
        let c = peek()
        if c.isBlankOrBreakOrEnd { return }
        if flowLevel > 0 && (c == UInt8(ascii: ",") || c == UInt8(ascii: "]") || c == UInt8(ascii: "}")) { return }
        throw error(
            "unexpected \(currentCharacterDescription) right after \(what)", at: mark,
            hint: "separate \(what) from the value with a space")
    }
}
