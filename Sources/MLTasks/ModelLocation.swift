import Basics
import Foundation

/// Where a model's files are: a model file, or a bundle directory holding
/// `model.json` and, when the model expects raw input, `preprocessor.json`.
package struct ModelLocation: Sendable, Equatable {
    /// The model file.
    package var modelPath: String
    /// The preprocessor to apply to raw input, when there is one.
    package var preprocessorPath: String?

    /// Resolves `path` (a file or a bundle directory); an explicit `preprocessor` wins over the bundle's.
    package init(model path: String, preprocessor: String?) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Diagnostic.error("the model '\(path)' does not exist", hint: "train one with 'sluice ml train', or check the path")
        }
        if isDirectory.boolValue {
            modelPath = (path as NSString).appendingPathComponent("model.json")
            guard FileManager.default.fileExists(atPath: modelPath) else {
                throw Diagnostic.error("the bundle '\(path)' has no model.json", hint: "a bundle holds model.json and preprocessor.json")
            }
            let bundled = (path as NSString).appendingPathComponent("preprocessor.json")
            preprocessorPath = preprocessor ?? (FileManager.default.fileExists(atPath: bundled) ? bundled : nil)
        } else {
            modelPath = path
            preprocessorPath = preprocessor
        }
    }
}
