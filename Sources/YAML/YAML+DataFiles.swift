import Basics

extension YAML {
    /// The values of a file that may be JSON or YAML (a metrics file): a `.json` file
    /// strictly as JSON, through `JSONReader`, any other as YAML. A JSON file is never
    /// read by YAML's looser rules, so it means the same here as to every JSON tool.
    package static func loadValues(path: String, displayName: String? = nil) throws(Diagnostic) -> JSONValue {
        if path.lowercased().hasSuffix(".json") { return try JSONReader.load(path: path, displayName: displayName) }
        return try load(path: path, displayName: displayName).json
    }
}
