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

    /// The values of `paramsFile` with those of `trainedWith` in their place where both
    /// have a key (the file a model was trained with, such as `ml tune`'s best
    /// parameters, overrides the workspace's untuned values), its other keys after.
    package static func parameters(ofParamsFile paramsFile: String, trainedWith: String?) throws -> [(key: String, value: JSONValue)] {
        var values = try parameters(ofParamsFile: paramsFile)
        guard let trainedWith else { return values }
        guard FileManager.default.fileExists(atPath: trainedWith) else {
            throw Diagnostic.error("the params file the model was trained with, \(trainedWith), does not exist",
                                   hint: "give the file 'sluice ml train --params' read, or leave out --train-params")
        }
        for (key, value) in try YAML.load(path: trainedWith, displayName: trainedWith).json.flattened() {
            if let index = values.firstIndex(where: { $0.key == key }) { values[index].value = value } else { values.append((key, value)) }
        }
        return values
    }
}
