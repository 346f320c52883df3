import Basics
import YAML

/// Typed reading of pipeline.yaml nodes with located errors.
extension YAMLNode {
    /// The node as a string; numbers and booleans give their text (paths like `2024` are fine).
    func string(_ what: String) throws(Diagnostic) -> String {
        guard isScalar, value != .null else { throw .error("\(what) must be a string", at: location) }
        return scalarText
    }

    /// The node as a boolean.
    func bool(_ what: String) throws(Diagnostic) -> Bool {
        guard case .bool(let b) = value else { throw .error("\(what) must be true or false", at: location) }
        return b
    }

    /// A sequence's items; a single scalar counts as a one-item list, null as empty.
    func list(_ what: String) throws(Diagnostic) -> [YAMLNode] {
        switch value {
        case .sequence(let items): return items
        case .null: return []
        case .mapping: throw .error("\(what) must be a list", at: location)
        default: return [self]
        }
    }

    /// A mapping's pairs.
    func pairs(_ what: String) throws(Diagnostic) -> [YAMLPair] {
        switch value {
        case .mapping(let pairs): return pairs
        case .null: return []
        default: throw .error("\(what) must be a mapping", at: location)
        }
    }
}

/// Reports keys of a mapping that are not among `allowed`, with a suggestion.
func unknownKeyDiagnostics(_ pairs: [YAMLPair], allowed: [String], in what: String) -> [Diagnostic] {
    pairs.compactMap { pair in
        let key = pair.key.scalarText
        guard !allowed.contains(key) else { return nil }
        let hint = Suggestion.closest(to: key, among: allowed).map { "did you mean '\($0)'?" }
            ?? "allowed keys: \(allowed.joined(separator: ", "))"
        return .error("unknown key '\(key)' in \(what)", at: pair.key.location, hint: hint)
    }
}
