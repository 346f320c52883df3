import Foundation

extension JSONReader {
    /// Reads and parses a JSON file; `displayName` is what diagnostics show. A missing
    /// file, a folder or text that is not UTF-8 is an error naming the file, in the
    /// words `YAML.load` uses for YAML files.
    package static func load(path: String, displayName: String? = nil) throws(Diagnostic) -> JSONValue {
        let file = displayName ?? path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .error("no such file: '\(file)'", hint: "check the path")
        }
        guard !isDirectory.boolValue else { throw .error("'\(file)' is a directory, not a JSON file", hint: "give the path of a file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .error("cannot read '\(file)'", hint: "check the file's permissions")
        }
        // RFC 8259 lets a reader ignore a byte order mark, which some editors write.
        let body = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
        guard let text = String(validating: body, as: UTF8.self) else {
            throw .error("'\(file)' is not UTF-8 text", hint: "save the file as UTF-8")
        }
        return try parse(text, file: file)
    }
}
