import Basics

/// One value an experiment gives one key of one params file: what a plain `-S` value
/// or one point of a sweep assigns.
package struct ParamAssignment: Sendable, Hashable {
    /// The params file, relative to the project root.
    package var file: String
    /// The dotted key inside it.
    package var key: String
    /// The value, as run records and `exp show` hold it.
    package var value: JSONValue
    /// The value as YAML text that reads back as `value` (written into the file).
    package var yamlText: String

    /// Assigns `value` (written as `yamlText`) to `key` of `file`.
    package init(file: String, key: String, value: JSONValue, yamlText: String) {
        self.file = file
        self.key = key
        self.value = value
        self.yamlText = yamlText
    }

    /// The key as run records show it: bare for params.yaml, `file:key` for another file.
    package var displayKey: String { file == ParamOverride.defaultFile ? key : file + ":" + key }

    /// The text written into a file of `file`'s kind: JSON text in a `.json` file, YAML otherwise.
    var textForFile: String {
        file.hasSuffix(".json") ? JSONWriter.canonical.string(value) : yamlText
    }
}
