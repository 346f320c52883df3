// The YAML module reads YAML 1.2 text into located nodes and writes JSON-shaped values
// back as deterministic YAML.
//
// What it must not know: pipelines, stages, parameters, lock files or anything else
// about sluice. It knows YAML and JSON values; callers give the nodes their meaning.
// It never prints: every problem is a thrown `Diagnostic` with file, line and column.

import Basics
import Foundation

/// Entry points for reading YAML.
public enum YAML {
    /// All documents of a stream (a stream with no document returns `[]`).
    public static func parseAll(_ text: String, file: String) throws(Diagnostic) -> [YAMLNode] {
        try parseAll(bytes: Array(text.utf8), file: file)
    }

    /// Exactly one document (an empty file gives a null node); more than one is an error.
    public static func parse(_ text: String, file: String) throws(Diagnostic) -> YAMLNode {
        try single(parseAll(text, file: file), file: file)
    }

    /// Reads and parses a file; `displayName` is what diagnostics show (e.g. "params.yaml").
    public static func load(path: String, displayName: String? = nil) throws(Diagnostic) -> YAMLNode {
        let file = displayName ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            throw Diagnostic.error(
                exists ? (isDirectory.boolValue ? "'\(file)' is a directory, not a YAML file" : "cannot read '\(file)'")
                    : "no such file: '\(file)'",
                hint: exists ? "check the file's permissions" : "check the path")
        }
        let bytes = try YAMLInput.utf8Bytes(of: data, file: file)
        return try single(parseAll(bytes: bytes, file: file), file: file)
    }

    /// Parses UTF-8 bytes (a UTF-8 byte order mark is allowed at the start).
    static func parseAll(bytes: [UInt8], file: String) throws(Diagnostic) -> [YAMLNode] {
        try YAMLInput.validate(bytes, file: file)
        var parser = YAMLParser(bytes: bytes, file: file)
        return try parser.parseStream()
    }

    private static func single(_ documents: [YAMLNode], file: String) throws(Diagnostic) -> YAMLNode {
        guard documents.count <= 1 else {
            throw Diagnostic.error(
                "expected a single YAML document, but a second one starts here", at: documents[1].location,
                hint: "remove the '---' line that separates the documents, or split them into separate files")
        }
        return documents.first ?? YAMLNode(.null, at: SourceLocation(file: file, line: 1, column: 1), text: "")
    }
}
