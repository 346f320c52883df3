import Basics
import YAML

/// Parses `text` as the file "test.yaml".
func parse(_ text: String) throws -> YAMLNode {
    try YAML.parse(text, file: "test.yaml")
}

/// The diagnostic that parsing `text` throws, or `nil` when it parses.
func diagnostic(_ text: String) -> Diagnostic? {
    do {
        _ = try YAML.parseAll(text, file: "test.yaml")
        return nil
    } catch {
        return error
    }
}

/// `text` parsed and converted to JSON, compactly written.
func json(_ text: String) throws -> String {
    JSONWriter(indent: nil, sortKeys: false).string(try parse(text).json)
}
