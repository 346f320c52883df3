import Basics
import Foundation

/// What marks a recorded run as an experiment: `runs/<id>/experiment.json`, holding
/// the experiment's name and overrides, beside copies of the params and lock files it
/// ended with under `runs/<id>/experiment/` (what `exp apply` brings back).
package struct ExperimentRecord: Sendable, Hashable {
    /// The marker's file name in a run folder.
    package static let fileName = "experiment.json"
    /// The folder of saved files in a run folder.
    package static let filesFolder = "experiment"

    /// The experiment's name.
    package var name: String
    /// The overridden keys (display keys: `file:key` outside params.yaml) and their values.
    package var overrides: [(key: String, value: JSONValue)]
    /// The params files saved, root-relative.
    package var paramsFiles: [String]
    /// The lock files saved, root-relative.
    package var lockFiles: [String]

    /// Creates a record.
    package init(name: String, overrides: [(key: String, value: JSONValue)], paramsFiles: [String], lockFiles: [String]) {
        self.name = name
        self.overrides = overrides
        self.paramsFiles = paramsFiles
        self.lockFiles = lockFiles
    }

    package static func == (lhs: ExperimentRecord, rhs: ExperimentRecord) -> Bool {
        lhs.name == rhs.name && lhs.paramsFiles == rhs.paramsFiles && lhs.lockFiles == rhs.lockFiles
            && lhs.overrides.map(\.key) == rhs.overrides.map(\.key) && lhs.overrides.map(\.value) == rhs.overrides.map(\.value)
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(paramsFiles)
    }

    /// The record as experiment.json holds it.
    package var json: JSONValue {
        .object([
            ("name", .string(name)),
            ("overrides", .object(overrides)),
            ("params_files", .array(paramsFiles.map(JSONValue.string))),
            ("lock_files", .array(lockFiles.map(JSONValue.string))),
        ])
    }

    /// Reads experiment.json; `file` names it in errors.
    package init(json: JSONValue, file: String) throws(Diagnostic) {
        guard case .string(let name)? = json["name"] else {
            throw .failure("\(file): no experiment name", hint: "the file is damaged; remove the experiment with 'sluice exp remove'")
        }
        self.name = name
        if case .object(let members)? = json["overrides"] { overrides = members } else { overrides = [] }
        paramsFiles = Self.strings(json["params_files"])
        lockFiles = Self.strings(json["lock_files"])
    }

    private static func strings(_ value: JSONValue?) -> [String] {
        guard case .array(let items)? = value else { return [] }
        return items.compactMap { if case .string(let text) = $0 { text } else { nil } }
    }

    /// Reads the record of the run folder `directory`, or `nil` when the run is not an experiment.
    static func read(runDirectory directory: String, id: String) throws(Diagnostic) -> ExperimentRecord? {
        let path = directory + "/" + fileName
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let display = "runs/\(id)/\(fileName)"
        return try ExperimentRecord(json: try JSONReader.parse(String(decoding: data, as: UTF8.self), file: display), file: display)
    }
}
