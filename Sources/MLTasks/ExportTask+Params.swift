import Basics
import Foundation
import YAML

extension ExportTask {
    /// The flattened values of the params file at `path`, recorded with the exported
    /// version; none when there is no such file.
    package static func parameters(ofParamsFile path: String) throws -> [(key: String, value: JSONValue)] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        return try YAML.load(path: path, displayName: path).json.flattened()
    }
}
