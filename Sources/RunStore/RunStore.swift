// RunStore: the runs/ directory. One folder per run holding run.json, params.json,
// metrics.json, history.jsonl and logs/, written atomically and read back for
// listing, showing, comparing, exporting (MLflow's file store) and garbage
// collection.
//
// What this module must not know: pipelines, stages' commands, lock files or the
// engine that runs them. A run's stages are names with an action, a duration and
// an exit code; its params and metrics are flattened values someone else read.
// It never prints: results and problems come back as values and `Diagnostic`s.
import Basics
import Foundation

/// The run store of one project: `runs/<run-id>/…`.
package struct RunStore: Sendable {
    /// The `runs/` directory (absolute).
    package let directory: String

    /// A store at `directory`; nothing is created until a run is.
    package init(directory: String) {
        self.directory = directory
    }

    /// The folder of run `id`.
    package func path(of id: String) -> String { directory + "/" + id }

    /// An id for a run starting at `date` that no folder uses yet, to be claimed
    /// later with `create(_:id:)` (so a run's paths are known before it does any work).
    package func reserveID(at date: Date) -> String {
        var generator = SystemRandomNumberGenerator()
        var id = RunID.make(at: date, using: &generator)
        while FileManager.default.fileExists(atPath: path(of: id)) { id = RunID.make(at: date, using: &generator) }
        return id
    }

    /// Creates `runs/<id>/` for an id from `reserveID(at:)`, with its `logs/` folder and
    /// a run.json saying `running`; fails if another run took the id meanwhile.
    package func create(_ record: RunRecord, id: String) throws -> RunWriter {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        guard mkdir(path(of: id), 0o755) == 0 else {
            throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: path(of: id)])
        }
        var claimed = record
        claimed.id = id
        let writer = RunWriter(directory: path(of: id), record: claimed)
        try FileManager.default.createDirectory(atPath: writer.logDirectory, withIntermediateDirectories: true)
        try writer.save()
        return writer
    }

    /// The ids of the folders that look like runs, in name order.
    package func ids() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter(RunID.isValid).sorted()
    }

    /// Every readable run, oldest first (by start time, then id). Folders whose
    /// run.json is missing or unreadable come back as `problems`, not as runs.
    package func runs() -> (runs: [StoredRun], problems: [Diagnostic]) {
        var runs: [StoredRun] = [], problems: [Diagnostic] = []
        for id in ids() {
            do {
                runs.append(try load(id))
            } catch {
                problems.append(error)
            }
        }
        runs.sort { ($0.record.startTime, $0.id) < ($1.record.startTime, $1.id) }
        return (runs, problems)
    }

    /// Reads one run: run.json, params.json and metrics.json (history on demand).
    package func load(_ id: String) throws(Diagnostic) -> StoredRun {
        let folder = path(of: id)
        let display = "runs/\(id)/run.json"
        let record = try RunRecord(json: try Self.readJSON(folder + "/run.json", display: display), file: display)
        let params = try Self.readFlat(folder + "/params.json", display: "runs/\(id)/params.json")
        let metrics = try Self.readFlat(folder + "/metrics.json", display: "runs/\(id)/metrics.json")
        return StoredRun(directory: folder, record: record, params: params, metrics: metrics)
    }

    /// Deletes a run's folder.
    package func remove(_ id: String) throws {
        try FileManager.default.removeItem(atPath: path(of: id))
    }

    static func readJSON(_ path: String, display: String) throws(Diagnostic) -> JSONValue {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .failure("\(display) is missing or unreadable", hint: "the run may still be starting, or its folder was copied incompletely")
        }
        return try JSONReader.parse(String(decoding: data, as: UTF8.self), file: display)
    }

    /// A flattened values file; absent means none (a run that was killed early).
    static func readFlat(_ path: String, display: String) throws(Diagnostic) -> FlatValues {
        guard FileManager.default.fileExists(atPath: path) else { return FlatValues() }
        return FlatValues(json: try readJSON(path, display: display))
    }
}
