import Basics
import Foundation
import YAML

/// One section of params.yaml (`prepare:`, `train:`, …) read with types, defaults,
/// allowed ranges and located errors: `params.yaml:14:18: error: train.max_depth must
/// be an integer in 0...64`.
package struct ParamsSection: Sendable {
    /// The section name, used in messages (`train`).
    package let name: String
    /// The section's mapping node (`nil` when the file or the section is absent).
    package let node: YAMLNode?

    /// Creates a reader over `node`.
    package init(name: String, node: YAMLNode?) {
        self.name = name
        self.node = node
    }

    /// The section `name` of the params file at `path`; an absent file or section
    /// reads as empty, so every task works with defaults alone.
    package static func load(path: String, displayName: String, section name: String) throws -> ParamsSection {
        guard FileManager.default.fileExists(atPath: path) else { return ParamsSection(name: name, node: nil) }
        let root = try YAML.load(path: path, displayName: displayName)
        guard let node = root[name], node.value != .null else { return ParamsSection(name: name, node: nil) }
        guard case .mapping = node.value else {
            throw Diagnostic.error("'\(name)' in \(displayName) must be a mapping of options", at: node.location)
        }
        return ParamsSection(name: name, node: node)
    }

    /// Rejects keys not in `allowed`, with a suggestion for near misses.
    package func checkKeys(_ allowed: [String]) throws {
        guard case .mapping(let pairs)? = node?.value else { return }
        let unknown = pairs.filter { !allowed.contains($0.key.jsonKey) }
        guard !unknown.isEmpty else { return }
        throw DiagnosticList(unknown.map { pair in
            let key = pair.key.jsonKey
            return .error("unknown option '\(name).\(key)'", at: pair.key.location,
                          hint: Suggestion.closest(to: key, among: allowed).map { "did you mean '\($0)'?" }
                              ?? "allowed: \(allowed.joined(separator: ", "))")
        })
    }

    /// The raw node of `key`, when given.
    package subscript(key: String) -> YAMLNode? { node?[key] }

    /// A number, `default` when absent; must lie in `range`.
    package func double(_ key: String, default value: Double, in range: ClosedRange<Double> = -.infinity ... .infinity) throws -> Double {
        guard let item = self[key] else { return value }
        let number: Double? = switch item.value {
        case .double(let d): d
        case .int(let i): Double(i)
        default: nil
        }
        // Finite always: a fill value or a threshold of .inf would end in a file as null.
        guard let number, number.isFinite, range.contains(number) else { throw invalid(key, item, Self.describe(range)) }
        return number
    }

    /// An integer, `default` when absent; must lie in `range`.
    package func int(_ key: String, default value: Int, in range: ClosedRange<Int> = Int.min ... Int.max) throws -> Int {
        guard let item = self[key] else { return value }
        guard case .int(let number) = item.value, range.contains(number) else {
            throw invalid(key, item, "an integer in \(range.lowerBound == Int.min ? "..." : "\(range.lowerBound)...")\(range.upperBound == Int.max ? "" : "\(range.upperBound)")")
        }
        return number
    }

    /// A boolean, `default` when absent.
    package func bool(_ key: String, default value: Bool) throws -> Bool {
        guard let item = self[key] else { return value }
        guard case .bool(let flag) = item.value else { throw invalid(key, item, "true or false") }
        return flag
    }

    /// A string, `default` when absent; must be one of `choices` when they are given.
    package func string(_ key: String, default value: String?, choices: [String] = []) throws -> String? {
        guard let item = self[key] else { return value }
        guard case .string(let text) = item.value, choices.isEmpty || choices.contains(text) else {
            throw invalid(key, item, choices.isEmpty ? "a string" : "one of \(choices.joined(separator: ", "))")
        }
        return text
    }

    /// A list of strings, `default` when absent.
    package func strings(_ key: String, default value: [String] = []) throws -> [String] {
        guard let item = self[key] else { return value }
        guard case .sequence(let items) = item.value else { throw invalid(key, item, "a list of strings") }
        return try items.map { entry in
            guard case .string(let text) = entry.value else { throw invalid(key, entry, "a list of strings") }
            return text
        }
    }

    /// A located error: `train.max_depth must be an integer in 0...64, not 'deep'`.
    package func invalid(_ key: String, _ item: YAMLNode, _ expected: String) -> Diagnostic {
        let shown = item.isScalar ? "'\(item.text ?? item.jsonKey)'" : item.kindDescription
        return .error("\(name).\(key) must be \(expected), not \(shown)", at: item.location)
    }

    private static func describe(_ range: ClosedRange<Double>) -> String {
        switch (range.lowerBound.isInfinite, range.upperBound.isInfinite) {
        case (true, true): return "a finite number"
        case (false, true): return "a finite number of at least \(JSONWriter.number(range.lowerBound))"
        case (true, false): return "a finite number of at most \(JSONWriter.number(range.upperBound))"
        case (false, false): return "a number in [\(JSONWriter.number(range.lowerBound)), \(JSONWriter.number(range.upperBound))]"
        }
    }
}
