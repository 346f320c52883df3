import Basics
import Foundation
import YAML

/// A params file as `sluice params show` reads it: the whole document, and the values
/// at the dotted keys a user asks for.
package struct ParamsDocument: Sendable {
    /// The file as the user named it, for messages.
    package let name: String
    /// The document.
    package let root: JSONValue

    /// Reads the params file `file` (relative to `directory` unless absolute).
    package init(file: String, from directory: String = FileManager.default.currentDirectoryPath) throws {
        let path = file.hasPrefix("/") ? file : directory + "/" + file
        guard FileManager.default.fileExists(atPath: path) else {
            throw Diagnostic.error("params file '\(file)' does not exist", hint: "name another file with --file")
        }
        name = file
        root = try YAML.load(path: path, displayName: file).json
    }

    /// The values at `keys`, in order; every key that is missing is reported, with the
    /// closest existing key as a suggestion.
    package func values(at keys: [String]) throws(DiagnosticList) -> [(key: String, value: JSONValue)] {
        var selected: [(key: String, value: JSONValue)] = [], missing: [Diagnostic] = []
        for key in keys {
            if let value = Self.lookup(key, in: root) {
                selected.append((key, value))
            } else {
                let closest = Suggestion.closest(to: key, among: root.flattened().map(\.key))
                missing.append(.error("'\(key)' is missing from \(name)", hint: closest.map { "did you mean '\($0)'?" }))
            }
        }
        guard missing.isEmpty else { throw DiagnosticList(missing) }
        return selected
    }

    /// The value at a dotted key (`train.learning_rate`), or a key that itself contains dots.
    package static func lookup(_ key: String, in document: JSONValue) -> JSONValue? {
        if let direct = document[key] { return direct }
        var node = document
        for part in key.split(separator: ".") {
            guard let child = node[String(part)] else { return nil }
            node = child
        }
        return node
    }
}
