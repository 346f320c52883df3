import Basics
import YAML

/// Where a value's text stands in the file, so it can be replaced in place.
extension ParamsEditor {
    /// The offset (in Unicode scalars) at which each line of `text` starts.
    static func lineStarts(of text: String) -> [Int] {
        var starts = [0], offset = 0
        for scalar in text.unicodeScalars {
            offset += 1
            if scalar == "\n" { starts.append(offset) }
        }
        return starts
    }

    /// The scalar offsets of the text of `node`, the value at `key`: a plain or quoted
    /// scalar, or a flow collection. A block collection or block scalar, an empty value
    /// or one behind an anchor or tag, is refused with what to do instead.
    static func span(of node: YAMLNode, key: String, file: String, in text: String, lineStarts: [Int]) throws(Diagnostic) -> Range<Int> {
        let location = node.location
        let refuse = { (why: String, hint: String) -> Diagnostic in .error("cannot override '\(key)': \(why)", at: location, hint: hint) }
        switch node.style {
        case .block:
            if case .mapping(let pairs) = node.value {
                let example = pairs.first.map { key + "." + $0.key.jsonKey } ?? key + ".<key>"
                throw refuse("it is a mapping in \(file)", "override the keys inside it, e.g. -S \(example)=…")
            }
            throw refuse("it is a block sequence in \(file)", "write it as a flow sequence ([a, b]) in \(file) to override it whole")
        case .literal, .folded:
            throw refuse("it is a block scalar (| or >) in \(file)", "write it on one line in \(file) to override it")
        default:
            break
        }
        guard node.anchor == nil, node.tag == nil else {
            throw refuse("its value carries an anchor or a tag in \(file)", "write the value plainly in \(file) to override it")
        }
        guard location.line >= 1, location.line <= lineStarts.count else { throw refuse("its value is not where the file says", "check \(file)") }
        let scalars = Array(text.unicodeScalars)
        let start = lineStarts[location.line - 1] + location.column - 1
        let end: Int? = switch node.style {
        case .plain:
            node.text.flatMap { $0.isEmpty ? nil : matching(Array($0.unicodeScalars), at: start, in: scalars) }
        case .singleQuoted:
            node.text.flatMap { matching(Array(("'" + $0.replacingAll("'", with: "''") + "'").unicodeScalars), at: start, in: scalars) }
        case .doubleQuoted:
            closingQuote(from: start, in: scalars)
        case .flow:
            closingBracket(from: start, in: scalars)
        default:
            nil
        }
        guard let end else {
            throw refuse("its value in \(file) is empty or spans lines", "write a value on the key's line in \(file), e.g. '\(key.split(separator: ".").last ?? ""): 0'")
        }
        return start..<end
    }

    /// The end of `expected` when `scalars` hold it at `start`.
    private static func matching(_ expected: [Unicode.Scalar], at start: Int, in scalars: [Unicode.Scalar]) -> Int? {
        guard start >= 0, start + expected.count <= scalars.count, Array(scalars[start..<start + expected.count]) == expected else { return nil }
        return start + expected.count
    }

    /// The end of the double-quoted scalar opening at `start`, on the same line.
    private static func closingQuote(from start: Int, in scalars: [Unicode.Scalar]) -> Int? {
        guard start < scalars.count, scalars[start] == "\"" else { return nil }
        var index = start + 1
        while index < scalars.count, scalars[index] != "\n" {
            if scalars[index] == "\\" { index += 2; continue }
            if scalars[index] == "\"" { return index + 1 }
            index += 1
        }
        return nil
    }

    /// The end of the flow collection opening at `start`: its closing bracket, quotes skipped.
    private static func closingBracket(from start: Int, in scalars: [Unicode.Scalar]) -> Int? {
        guard start < scalars.count, scalars[start] == "[" || scalars[start] == "{" else { return nil }
        var depth = 0, index = start
        while index < scalars.count {
            switch scalars[index] {
            case "[", "{": depth += 1
            case "]", "}":
                depth -= 1
                if depth == 0 { return index + 1 }
            case "'":
                index += 1
                while index < scalars.count, scalars[index] != "'" || (index + 1 < scalars.count && scalars[index + 1] == "'") {
                    if scalars[index] == "'" { index += 1 }
                    index += 1
                }
            case "\"":
                guard let end = closingQuote(from: index, in: scalars) else { return nil }
                index = end - 1
            case "#" where index > 0 && (scalars[index - 1] == " " || scalars[index - 1] == "\t"):
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
            default: break
            }
            index += 1
        }
        return nil
    }
}

extension String {
    /// The text with every `target` replaced by `replacement`.
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
