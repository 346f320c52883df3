import Basics
import YAML

/// Resolves `${name}` references in strings from an `InterpolationContext`.
///
/// `\${` stays a literal `${`. A string that is exactly one reference keeps the
/// referenced node (so `foreach: ${models}` gets a list); inside a longer string a
/// scalar becomes its text and a list its items joined with spaces.
struct Interpolator {
    var context: InterpolationContext
    /// Params (file, dotted key) that a resolution read, for automatic tracking.
    private(set) var usedParams: [(file: String, key: String)] = []

    init(context: InterpolationContext) { self.context = context }

    /// Resolves every string scalar (and mapping key) inside `node`.
    mutating func resolveTree(_ node: YAMLNode) throws(Diagnostic) -> YAMLNode {
        var node = node
        switch node.value {
        case .string(let text) where text.contains("${"):
            node = try resolve(text, at: node.location, original: node)
        case .sequence(let items):
            var resolved: [YAMLNode] = []
            for item in items { resolved.append(try resolveTree(item)) }
            node.value = .sequence(resolved)
        case .mapping(let pairs):
            var resolved: [YAMLPair] = []
            for pair in pairs {
                resolved.append(YAMLPair(key: try resolveTree(pair.key), value: try resolveTree(pair.value)))
            }
            node.value = .mapping(resolved)
        default: break
        }
        return node
    }

    /// Resolves the references in one string.
    mutating func resolve(_ text: String, at location: SourceLocation, original: YAMLNode) throws(Diagnostic) -> YAMLNode {
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        var onlyReference: YAMLNode?
        var references = 0
        while index < scalars.count {
            if scalars[index] == "\\", index + 2 < scalars.count, scalars[index + 1] == "$", scalars[index + 2] == "{" {
                output.append(contentsOf: ["$", "{"])
                index += 3
                continue
            }
            guard scalars[index] == "$", index + 1 < scalars.count, scalars[index + 1] == "{" else {
                output.append(scalars[index])
                index += 1
                continue
            }
            guard let close = scalars[(index + 2)...].firstIndex(of: "}") else {
                throw .error("unclosed '${' in '\(text)'", at: location, hint: "close the reference with '}'")
            }
            let name = String(String.UnicodeScalarView(scalars[(index + 2)..<close])).trimmingSpaces()
            let node = try lookup(name, at: location)
            references += 1
            onlyReference = index == 0 && close == scalars.count - 1 ? node : nil
            output.append(contentsOf: try Self.text(of: node, name: name, at: location).unicodeScalars)
            index = close + 1
        }
        if references == 1, let onlyReference {
            var node = onlyReference
            node.location = location
            return node
        }
        var result = original
        result.value = .string(String(output))
        result.text = String(output)
        return result
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
