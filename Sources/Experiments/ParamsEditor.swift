import Basics
import Foundation
import YAML

/// Writes new values into a params file's text in place: each overridden value's text
/// is replaced where it stands, so comments, order and layout stay as the user wrote
/// them, and the file reads back with exactly the new values.
package struct ParamsEditor: Sendable {
    /// The file as diagnostics name it (relative to the project root).
    package let name: String
    /// The file's text.
    package let text: String
    private let root: YAMLNode

    /// Reads `text`, the content of the params file `name`.
    package init(name: String, text: String) throws(Diagnostic) {
        self.name = name
        self.text = text
        root = try YAML.parse(text, file: name)
    }

    /// The text with every assignment written in. A key the file does not have is an
    /// error naming the nearest keys it has (an override never adds a key: a typo would
    /// otherwise run an experiment identical to the baseline); so is a key whose value
    /// is a block mapping or sequence, or a value that cannot be replaced on its line.
    package func applying(_ assignments: [ParamAssignment]) throws(DiagnosticList) -> String {
        var edits: [(start: Int, end: Int, text: String)] = [], problems: [Diagnostic] = []
        let lines = Self.lineStarts(of: text)
        for assignment in assignments {
            do throws(Diagnostic) {
                let node = try node(for: assignment.key)
                let span = try Self.span(of: node, key: assignment.key, file: name, in: text, lineStarts: lines)
                edits.append((span.lowerBound, span.upperBound, assignment.textForFile))
            } catch {
                problems.append(error)
            }
        }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        var scalars = Array(text.unicodeScalars)
        for edit in edits.sorted(by: { $0.start > $1.start }) {
            scalars.replaceSubrange(edit.start..<edit.end, with: Array(edit.text.unicodeScalars))
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        let result = String(view)
        try verify(result, assignments)
        return result
    }

    /// Every key of the file, sections and leaves, flattened (`train`, `train.max_depth`).
    package var keys: [String] {
        var keys: [String] = []
        func walk(_ node: YAMLNode, prefix: String) {
            guard case .mapping(let pairs) = node.value else { return }
            for pair in pairs {
                let key = prefix.isEmpty ? pair.key.jsonKey : prefix + "." + pair.key.jsonKey
                keys.append(key)
                walk(pair.value, prefix: key)
            }
        }
        walk(root, prefix: "")
        return keys
    }

    /// The node at a dotted key (a key that itself contains dots first, as lookups do).
    private func node(for key: String) throws(Diagnostic) -> YAMLNode {
        if let direct = root[key] { return direct }
        var node = root
        for part in key.split(separator: ".") {
            guard let child = node[String(part)] else { throw missing(key) }
            node = child
        }
        return node
    }

    /// The error for a key the file does not have, naming the nearest keys it has.
    private func missing(_ key: String) -> Diagnostic {
        let nearest = NearestKeys.find(key, among: keys)
        let hint = nearest.isEmpty
            ? "an experiment only changes keys the file has; add '\(key)' to \(name) first if a stage should read it"
            : "nearest keys in \(name): " + nearest.joined(separator: ", ")
        return .error("'\(key)' is not a key of \(name)", hint: hint)
    }

    /// Reads the result back: every key must hold its new value, else nothing is written.
    private func verify(_ result: String, _ assignments: [ParamAssignment]) throws(DiagnosticList) {
        let reread: JSONValue
        do {
            reread = try YAML.parse(result, file: name).json
        } catch {
            throw DiagnosticList([.error("\(name) would not parse after the overrides (\(error.message))",
                                         hint: "quote the value in the -S argument")])
        }
        let wrong = assignments.filter { assignment in
            let found = reread[assignment.key] ?? Self.lookup(assignment.key, in: reread)
            return !(found?.sameValue(as: assignment.value) ?? false)
        }
        guard wrong.isEmpty else {
            throw DiagnosticList(wrong.map { .error("'\($0.key)' of \(name) would not read back as \($0.yamlText)", hint: "quote the value in the -S argument") })
        }
    }

    private static func lookup(_ key: String, in document: JSONValue) -> JSONValue? {
        var node = document
        for part in key.split(separator: ".") {
            guard let child = node[String(part)] else { return nil }
            node = child
        }
        return node
    }
}
