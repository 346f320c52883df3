import Basics
import Foundation

/// Writes one run while it happens. Safe to call from several threads (stages
/// finish on worker threads). run.json is rewritten atomically, so a reader never
/// sees half a file; rewrites are paced (`PacedWriter`), since run.json lists every
/// stage so far and rewriting it after each of n quick stages cost n². A killed run
/// keeps what had been written (at most a fraction of a second behind); `finish`
/// and `flush` write at once.
package final class RunWriter: Sendable {
    /// The run's folder (absolute).
    package let directory: String

    private struct Progress: Sendable {
        var record: RunRecord
        /// Positions of the stages in `record.stages` by name, once a stage update
        /// needed them; `nil` after a change that may have moved them.
        var positions: [String: Int]?
    }

    private let file: PacedWriter<Progress>

    init(directory: String, record: RunRecord) {
        self.directory = directory
        let path = directory + "/run.json"
        file = PacedWriter(Progress(record: record)) { progress in
            try AtomicFile.write(JSONWriter.pretty.string(progress.record.json) + "\n", to: path)
        }
    }

    /// The run id.
    package var id: String { file.read { $0.record.id } }
    /// Where stages' logs go: `<run>/logs`.
    package var logDirectory: String { directory + "/logs" }
    /// The record as it stands.
    package var record: RunRecord { file.read { $0.record } }

    /// Changes the record and saves it (now or soon).
    package func update(_ change: (inout RunRecord) -> Void) throws {
        try file.update { progress in
            change(&progress.record)
            progress.positions = nil
        }
    }

    /// Puts `stage` in place of the recorded stage with its name, or appends it (as
    /// `RunRecord.update` does, found by name without a scan), and saves the record.
    package func update(stage: StageRecord) throws {
        try file.update { progress in
            var positions = progress.positions ?? Dictionary(
                progress.record.stages.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
            progress.positions = nil
            if let index = positions[stage.name] {
                progress.record.stages[index] = stage
            } else {
                positions[stage.name] = progress.record.stages.count
                progress.record.stages.append(stage)
            }
            progress.positions = positions
        }
    }

    /// Writes what is not written yet, now.
    package func flush() throws { try file.flush() }

    /// Saves the record as it is, now.
    func save() throws {
        try update { _ in }
        try flush()
    }

    /// Writes params.json.
    package func writeParams(_ values: FlatValues) throws {
        try AtomicFile.write(JSONWriter.pretty.string(values.json) + "\n", to: directory + "/params.json")
    }

    /// Writes metrics.json.
    package func writeMetrics(_ values: FlatValues) throws {
        try AtomicFile.write(JSONWriter.pretty.string(values.json) + "\n", to: directory + "/metrics.json")
    }

    /// Records the end of the run, now.
    package func finish(_ status: RunStatus, at time: Date) throws {
        try update { record in
            record.status = status
            record.endTime = time
        }
        try flush()
    }

    /// Deletes the run's folder: for a repro that turned out to do nothing. A
    /// runs/ folder left empty goes too, so such a repro leaves no trace.
    package func discard() throws {
        // A pending write would otherwise bring the folder back.
        file.close()
        try FileManager.default.removeItem(atPath: directory)
        rmdir((directory as NSString).deletingLastPathComponent)  // fails, harmlessly, unless empty
    }
}
