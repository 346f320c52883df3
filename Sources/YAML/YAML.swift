// The YAML module reads YAML 1.2 text into located nodes and writes JSON-shaped values
// back as deterministic YAML.
//
// What it must not know: pipelines, stages, parameters, lock files or anything else
// about sluice. It knows YAML and JSON values; callers give the nodes their meaning.
// It never prints: every problem is a thrown `Diagnostic` with file, line and column.

import Basics
import Foundation

/// Entry points for reading YAML.
package enum YAML {
    /// All documents of a stream (a stream with no document returns `[]`).
    package static func parseAll(_ text: String, file: String) throws(Diagnostic) -> [YAMLNode] {
        try documents(bytes: Array(text.utf8), file: file).map(\.root)
    }

    /// Exactly one document (an empty file gives a null node); more than one is an error.
    package static func parse(_ text: String, file: String) throws(Diagnostic) -> YAMLNode {
        try single(documents(bytes: Array(text.utf8), file: file), file: file)
    }

    /// Reads and parses a file; `displayName` is what diagnostics show (e.g. "params.yaml").
    package static func load(path: String, displayName: String? = nil) throws(Diagnostic) -> YAMLNode {
        let file = displayName ?? path
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        guard exists else { throw Diagnostic.error("no such file: '\(file)'", hint: "check the path") }
        guard !isDirectory.boolValue else {
            throw Diagnostic.error("'\(file)' is a directory, not a YAML file", hint: "give the path of a file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic.error("cannot read '\(file)'", hint: "check the file's permissions")
        }
        let bytes = try YAMLInput.utf8Bytes(of: data, file: file)
        return try single(documents(bytes: bytes, file: file), file: file)
    }

    /// Parses UTF-8 bytes (a UTF-8 byte order mark is allowed at the start).
    private static func documents(
        bytes: [UInt8], file: String
    ) throws(Diagnostic) -> [(start: SourceLocation, root: YAMLNode)] {
        try YAMLInput.validate(bytes, file: file)
        var parser = YAMLParser(bytes: bytes, file: file)
        return try parser.parseStream()
    }

    private static func single(
        _ documents: [(start: SourceLocation, root: YAMLNode)], file: String
    ) throws(Diagnostic) -> YAMLNode {
        guard documents.count <= 1 else {
            throw Diagnostic.error(
                "expected a single YAML document, but a second one starts here", at: documents[1].start,
                hint: "remove the '---' line that separates the documents, or split them into separate files")
        }
        return documents.first?.root ?? YAMLNode(.null, at: SourceLocation(file: file, line: 1, column: 1), text: "")
    }
}
