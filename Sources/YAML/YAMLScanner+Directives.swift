import Basics

// `%YAML`, `%TAG` and reserved directives, which may only precede a document.
extension YAMLScanner {
    mutating func fetchDirective() throws(Diagnostic) {
        let start = mark
        guard directivesAllowed else {
            throw error(
                "a directive cannot appear inside a document", at: start,
                hint: "end the previous document with '...' before the directive, or quote the value")
        }
        try unrollIndent(to: -1)
        try removeSimpleKey()
        simpleKeyAllowed = false
        advance()
        let name = scanWord()
        let kind: YAMLToken.Kind
        switch name {
        case "YAML":
            try skipDirectiveSeparator(name)
            let versionStart = mark
            let major = scanNumber()
            let hasDot = peek() == UInt8(ascii: ".")
            if hasDot { advance() }
            guard let major, hasDot, let minor = scanNumber() else {
                throw error(
                    "invalid %YAML directive: expected a version such as 1.2", at: versionStart,
                    hint: "write '%YAML 1.2'")
            }
            kind = .versionDirective(major: major, minor: minor)
        case "TAG":
            try skipDirectiveSeparator(name)
            let handleStart = mark
            let handle = scanWord()
            guard handle.hasPrefix("!"), handle == "!" || handle.hasSuffix("!"),
                handle.utf8.dropFirst().dropLast().allSatisfy(\.isWordCharacter)
            else {
                throw error(
                    "invalid tag handle '\(handle)' in %TAG directive", at: handleStart,
                    hint: "a handle is '!', '!!' or '!name!'")
            }
            try skipDirectiveSeparator(name)
            let prefixStart = mark
            let prefix = scanWord()
            guard !prefix.isEmpty, prefix.utf8.allSatisfy(\.isURICharacter) else {
                throw error(
                    "invalid tag prefix '\(prefix)' in %TAG directive", at: prefixStart,
                    hint: "write a URI prefix such as 'tag:example.com,2000:' or a local prefix starting with '!'")
            }
            kind = .tagDirective(handle: handle, prefix: prefix)
        case "":
            throw error("a directive needs a name after '%'", at: start, hint: "write '%YAML 1.2' or '%TAG ! prefix'")
        default:
            // Reserved directives are ignored, parameters and all.
            while !peek().isBreakOrEnd && !(peek().isBlank && peek(1) == UInt8(ascii: "#")) { advance() }
            kind = .reservedDirective(name: name)
        }
        let end = mark
        try skipDirectiveTail()
        append(kind, from: start, to: end)
    }

    /// Scans characters up to a blank or a line break.
    private mutating func scanWord() -> String {
        let wordStart = offset
        while !peek().isBlankOrBreakOrEnd { advance() }
        return String(decoding: bytes[wordStart..<offset], as: UTF8.self)
    }

    private mutating func scanNumber() -> Int? {
        let numberStart = offset
        while peek().isDecimalDigit && offset - numberStart < 9 { advance() }
        guard offset > numberStart else { return nil }
        return Int(String(decoding: bytes[numberStart..<offset], as: UTF8.self))
    }

    private mutating func skipDirectiveSeparator(_ name: String) throws(Diagnostic) {
        guard peek().isBlank else {
            throw error(
                "expected a space in the %\(name) directive", at: mark,
                hint: name == "YAML" ? "write '%YAML 1.2'" : "write '%TAG !handle! prefix'")
        }
        while peek().isBlank { advance() }
    }

    /// After a directive's parameters: blanks and a comment, then the end of the line.
    private mutating func skipDirectiveTail() throws(Diagnostic) {
        let parametersEnd = offset
        while peek().isBlank { advance() }
        if peek() == UInt8(ascii: "#") && offset > parametersEnd {
            while !peek().isBreakOrEnd { advance() }
        }
        guard peek().isBreakOrEnd else {
            throw error(
                "unexpected \(currentCharacterDescription) after the directive", at: mark,
                hint: "a directive takes its parameters and an optional comment after ' #'")
        }
    }
}
