import Basics

// Looking ahead after an indentation error to tell a missing closing quote or bracket
// from a line that is merely not indented enough: the first deserves an error at the
// opening quote or bracket, the second one at the line.
extension YAMLScanner {
    /// Whether a closing quote follows anywhere after the current position.
    func quoteClosesLater(isSingle: Bool) -> Bool {
        let quote = isSingle ? UInt8(ascii: "'") : UInt8(ascii: "\"")
        var index = offset
        while index < bytes.count {
            let c = bytes[index]
            if !isSingle && c == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if c == quote {
                if isSingle && index + 1 < bytes.count && bytes[index + 1] == quote {
                    index += 2
                    continue
                }
                return true
            }
            index += 1
        }
        return false
    }

    /// The innermost open flow collection that is never closed, judging by a rough
    /// count of brackets outside comments and quoted strings; `nil` when all close.
    func flowCollectionLeftOpen() -> FlowOpening? {
        var depth = flowLevel
        var lowest = depth
        var index = offset
        var previous: UInt8 = 0x20
        while index < bytes.count && depth > 0 {
            let c = bytes[index]
            let afterSeparator = previous.isBlank || previous.isBreak || previous.isFlowIndicator
                || previous == UInt8(ascii: ":")
            switch c {
            case UInt8(ascii: "#") where previous.isBlank || previous.isBreak:
                while index < bytes.count && !bytes[index].isBreak { index += 1 }
                continue
            case UInt8(ascii: "'") where afterSeparator, UInt8(ascii: "\"") where afterSeparator:
                index = endOfQuoted(from: index)
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
                lowest = min(lowest, depth)
            default:
                break
            }
            previous = index < bytes.count ? bytes[index] : 0
            index += 1
        }
        return depth == 0 ? nil : flowOpenings[max(0, min(lowest, flowLevel) - 1)]
    }

    /// The index of the quote that closes the quoted string starting at `start`
    /// (or the end of the input).
    private func endOfQuoted(from start: Int) -> Int {
        let quote = bytes[start]
        var index = start + 1
        while index < bytes.count {
            let c = bytes[index]
            if quote == UInt8(ascii: "\"") && c == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if c == quote {
                if quote == UInt8(ascii: "'") && index + 1 < bytes.count && bytes[index + 1] == quote {
                    index += 2
                    continue
                }
                return index
            }
            index += 1
        }
        return bytes.count
    }
}
