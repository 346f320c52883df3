import Basics
import YAML

/// Resolves `${name}` references in strings from an `InterpolationContext`.
///
/// `\${` stays a literal `${`. A string that is exactly one reference keeps the
/// referenced node (so `foreach: ${models}` gets a list); inside a longer string a
/// scalar becomes its text and a list its items joined with spaces. In `cmd`, a
/// mapping that is a word of its own is unpacked into arguments (`CommandArguments`).
struct Interpolator {
    var context: InterpolationContext
    /// Params (file, dotted key) that a resolution read, for automatic tracking.
    private(set) var usedParams: [(file: String, key: String)] = []

    init(context: InterpolationContext) { self.context = context }

    /// Resolves every string scalar (and mapping key) inside `node`; `unpacking` is
    /// given for `cmd`, where a mapping that is a word of its own becomes arguments.
    mutating func resolveTree(_ node: YAMLNode, unpacking: ParsingOptions? = nil) throws(Diagnostic) -> YAMLNode {
        var node = node
        switch node.value {
        case .string(let text) where Self.mayHaveReference(text):
            node = try resolve(text, at: node.location, original: node, unpacking: unpacking)
        case .sequence(let items):
            var resolved: [YAMLNode] = []
            for item in items { resolved.append(try resolveTree(item, unpacking: unpacking)) }
            node.value = .sequence(resolved)
        case .mapping(let pairs):
            var resolved: [YAMLPair] = []
            for pair in pairs {
                resolved.append(YAMLPair(key: try resolveTree(pair.key, unpacking: unpacking),
                                         value: try resolveTree(pair.value, unpacking: unpacking)))
            }
            node.value = .mapping(resolved)
        default: break
        }
        return node
    }

    /// Resolves the references in one string.
    ///
    /// Works on UTF-8 bytes (`$`, `{`, `}` and `\\` are ASCII) and appends to one
    /// `String`, so the cost is linear in the size of the result: appending to a
    /// `String.UnicodeScalarView` made 8,000 references to a long value take 14 s.
    mutating func resolve(
        _ text: String, at location: SourceLocation, original: YAMLNode, unpacking: ParsingOptions? = nil
    ) throws(Diagnostic) -> YAMLNode {
        let bytes = Array(text.utf8)
        var output = ""
        output.reserveCapacity(bytes.count)
        var index = 0
        /// Where the text not yet copied to `output` starts.
        var pending = 0
        var onlyReference: YAMLNode?
        var references = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\"), index + 2 < bytes.count,
               bytes[index + 1] == UInt8(ascii: "$"), bytes[index + 2] == UInt8(ascii: "{") {
                output += String(decoding: bytes[pending..<index], as: UTF8.self) + "${"
                index += 3
                pending = index
                continue
            }
            guard bytes[index] == UInt8(ascii: "$"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{") else {
                index += 1
                continue
            }
            guard let close = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: "}")) else {
                throw .error("unclosed '${' in '\(Self.excerpt(text))'", at: location, hint: "close the reference with '}'")
            }
            output += String(decoding: bytes[pending..<index], as: UTF8.self)
            let name = String(decoding: bytes[(index + 2)..<close], as: UTF8.self).trimmingSpaces()
            let node = try lookup(name, at: location)
            references += 1
            if case .mapping = node.value, let unpacking {
                guard Self.isWordBoundary(bytes, before: index), Self.isWordBoundary(bytes, after: close) else {
                    throw .error("'\(name)' is a mapping: in 'cmd' it is unpacked into arguments only as a word of its own",
                                 at: location,
                                 hint: "put spaces around '${\(name)}', or refer to one of its keys, e.g. '${\(name).key}'")
                }
                // Even `cmd: ${train}` alone gives the arguments' text, never the mapping.
                onlyReference = nil
                output += try CommandArguments.unpack(node, options: unpacking, name: name, at: location)
            } else {
                onlyReference = index == 0 && close == bytes.count - 1 ? node : nil
                output += try Self.text(of: node, name: name, at: location)
            }
            index = close + 1
            pending = index
        }
        if references == 1, let onlyReference {
            var node = onlyReference
            node.location = location
            return node
        }
        output += String(decoding: bytes[pending...], as: UTF8.self)
        var result = original
        result.value = .string(output)
        result.text = output
        return result
    }

    /// Whether `text` holds `${` (escaped or not). A byte scan: `String.contains` of a
    /// string goes through Foundation here, and took a tenth of loading a large pipeline.
    private static func mayHaveReference(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if previous == UInt8(ascii: "$"), byte == UInt8(ascii: "{") { return true }
            previous = byte
        }
        return false
    }

    /// Whether the reference starting at `start` begins a shell word: the text starts
    /// there, or a space or an operator that ends a word (`;`, `&`, `|`, `(`, `)`, `<`, `>`) is before it.
    private static func isWordBoundary(_ bytes: [UInt8], before start: Int) -> Bool {
        start == 0 || endsWord(bytes[start - 1])
    }

    /// Whether the reference ending at `end` (its `}`) ends a shell word.
    private static func isWordBoundary(_ bytes: [UInt8], after end: Int) -> Bool {
        end == bytes.count - 1 || endsWord(bytes[end + 1])
    }

    private static func endsWord(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"),
             UInt8(ascii: ";"), UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "<"), UInt8(ascii: ">"):
            return true
        default:
            return false
        }
    }

    /// `text` as quoted in a message: cut after 80 characters, since a string with
    /// thousands of references would fill the terminal.
    private static func excerpt(_ text: String) -> String {
        text.count <= 80 ? text : String(text.prefix(80)) + "…"
    }

    private mutating func lookup(_ name: String, at location: SourceLocation) throws(Diagnostic) -> YAMLNode {
        guard !name.isEmpty else { throw .error("empty reference '${}'", at: location) }
        guard let found = context.lookup(name) else {
            let top = String(name.prefix { $0 != "." && $0 != "[" })
            let hint = Suggestion.closest(to: top, among: context.names).map { "did you mean '\($0)'?" }
                ?? "define it in params.yaml or under 'vars'"
            throw .error("'\(name)' is not defined", at: location, hint: hint)
        }
        if let file = found.paramsFile { usedParams.append((file, name)) }
        return found.node
    }

    private static func text(of node: YAMLNode, name: String, at location: SourceLocation) throws(Diagnostic) -> String {
        switch node.value {
        case .sequence(let items) where items.allSatisfy(\.isScalar):
            return items.map(\.scalarText).joined(separator: " ")
        case .sequence, .mapping:
            throw .error("'\(name)' is a collection and cannot be placed inside text", at: location,
                         hint: "refer to one of its keys, e.g. '${\(name).key}'")
        default:
            return node.scalarText
        }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let end = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(scalars[start...end])
    }
}
