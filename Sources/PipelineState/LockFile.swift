// PipelineState: what the pipeline last recorded. pipeline.lock (per stage its commands,
// dependency and output fingerprints and parameter values) as deterministic YAML, and
// the run-cache of earlier executions, keyed by the lock entry without its outputs.
//
// What this module must not know: what pipeline.yaml declares (Pipeline), how stages run
// or when they are stale (PipelineEngine), runs or ML. Bytes and objects are
// ContentStore's: this module stores fingerprints and asks the cache whether it holds them.
import Basics
import ContentStore
import Foundation
import YAML

/// pipeline.lock: the last successful state of every stage, as deterministic YAML.
///
/// Stages are written in sorted order and every list in a stable order, so the
/// file only changes when something recorded in it changed (good for git diffs).
package struct LockFile: Hashable, Sendable {
    /// The format version written to the file.
    package static let schema = "1.0"

    /// Entries by stage name.
    package var stages: [String: LockEntry]

    /// Creates a lock file.
    package init(stages: [String: LockEntry] = [:]) { self.stages = stages }

    /// Reads the lock file at `path`; a missing file is an empty lock. A damaged entry
    /// (a malformed hash included) is a diagnostic located at the offending value.
    package static func read(path: String, displayName: String) throws -> LockFile {
        guard FileManager.default.fileExists(atPath: path) else { return LockFile() }
        let node = try YAML.load(path: path, displayName: displayName)
        return try LockFile(json: node.json, location: node.location, node: node)
    }

    /// Writes the lock file atomically.
    package func write(path: String) throws {
        try AtomicFile.write(text, to: path)
    }

    /// The YAML text of the lock file.
    package var text: String {
        guard !stages.isEmpty else {
            return YAMLEmitter.string(.object([(key: "schema", value: .string(Self.schema)), (key: "stages", value: .object([]))]))
        }
        return Self.text(sections: stages.sorted { $0.key < $1.key }.map { Self.section(stage: $0.key, entry: $0.value) })
    }

    /// The text of a lock file with at least one stage, from its stages' sections in
    /// order (as `section(stage:entry:)` gives them).
    static func text(sections: some Sequence<String>) -> String {
        var text = YAMLEmitter.string(.object([(key: "schema", value: .string(Self.schema))])) + "stages:\n"
        for section in sections { text += section }
        return text
    }

    /// One stage's entry as it appears under `stages:`, so that a writer can keep the
    /// text of entries that did not change instead of emitting them again.
    static func section(stage: String, entry: LockEntry) -> String {
        // Every line the emitter writes is one whole line (strings are quoted with
        // escapes, never folded), so indenting each line nests the entry under `stages:`.
        let alone = YAMLEmitter.string(.object([(key: stage, value: entry.json)]))
        var section = ""
        section.reserveCapacity(alone.utf8.count + alone.utf8.count / 8)
        for line in alone.split(separator: "\n") {
            section += "  "
            section += line
            section += "\n"
        }
        return section
    }
}
