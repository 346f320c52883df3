import Basics
import YAML

/// The values `${…}` can refer to: `vars`, the default params file, and for
/// generated stages `item` and `key`.
///
/// Each top-level name remembers the params file it came from, so a stage that
/// interpolates a parameter also tracks it (as DVC does).
package struct InterpolationContext: Sendable {
    struct Entry: Sendable {
        /// The value, indexed for lookups of its keys.
        var value: YAMLPathIndex
        /// The params file (root-relative) the value was read from; `nil` for inline vars.
        var paramsFile: String?

        init(node: YAMLNode, paramsFile: String?) {
            value = YAMLPathIndex(node)
            self.paramsFile = paramsFile
        }
    }

    private(set) var entries: [String: Entry] = [:]

    /// An empty context.
    package init() {}

    /// Adds the top-level keys of `mapping`; returns the names that were already defined.
    @discardableResult
    mutating func merge(_ mapping: YAMLNode, paramsFile: String?, overriding: Bool = false) -> [String] {
        guard case .mapping(let pairs) = mapping.value else { return [] }
        var clashes: [String] = []
        for pair in pairs {
            let name = pair.key.scalarText
            if entries[name] != nil, !overriding {
                clashes.append(name)
                continue
            }
            entries[name] = Entry(node: pair.value, paramsFile: paramsFile)
        }
        return clashes
    }

    /// Defines one name (used for `item` and `key`), replacing any earlier value.
    mutating func set(_ name: String, _ node: YAMLNode) {
        entries[name] = Entry(node: node, paramsFile: nil)
    }

    /// Looks up a dotted name such as `train.lr` or `layers[0]`; returns the node and
    /// the params file its top-level name came from.
    func lookup(_ name: String) -> (node: YAMLNode, paramsFile: String?)? {
        var parts: [String] = []
        for piece in name.split(separator: ".", omittingEmptySubsequences: false) {
            // `a[0][1]` → "a", "0", "1"
            let segments = piece.split(whereSeparator: { $0 == "[" || $0 == "]" }).map(String.init)
            guard !segments.isEmpty else { return nil }
            parts.append(contentsOf: segments)
        }
        guard let first = parts.first, let entry = entries[first],
              let node = entry.value.node(at: Array(parts.dropFirst())) else { return nil }
        return (node, entry.paramsFile)
    }

    /// Every defined top-level name, for suggestions.
    var names: [String] { entries.keys.sorted() }
}

extension YAMLNode {
    /// A scalar as text: strings as they are, numbers in their shortest form (`0.10`
    /// gives `0.1`, as DVC renders it, so an equivalent rewrite of params.yaml does not
    /// change an interpolated command); collections give "".
    var scalarText: String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return "\(d)"
        case .string(let s): return s
        case .sequence, .mapping: return ""
        }
    }

}
