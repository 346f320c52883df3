import Basics
import Foundation
import Synchronization

/// Writes one run while it happens. Safe to call from several threads (stages
/// finish on worker threads); every change rewrites run.json atomically, so a
/// reader never sees half a file and a killed run keeps what it had recorded.
package final class RunWriter: Sendable {
    /// The run's folder (absolute).
    package let directory: String
    private let state: Mutex<RunRecord>

    init(directory: String, record: RunRecord) {
        self.directory = directory
        self.state = Mutex(record)
    }

    /// The run id.
    package var id: String { state.withLock { $0.id } }
    /// Where stages' logs go: `<run>/logs`.
    package var logDirectory: String { directory + "/logs" }
    /// The record as it stands.
    package var record: RunRecord { state.withLock { $0 } }

    /// Changes the record and saves it.
    package func update(_ change: (inout RunRecord) -> Void) throws {
        try state.withLock { record in
            change(&record)
            try AtomicFile.write(JSONWriter.pretty.string(record.json) + "\n", to: directory + "/run.json")
        }
    }

    /// Saves the record as it is.
    func save() throws { try update { _ in } }

    /// Writes params.json.
    package func writeParams(_ values: FlatValues) throws {
        try AtomicFile.write(JSONWriter.pretty.string(values.json) + "\n", to: directory + "/params.json")
    }

    /// Writes metrics.json.
    package func writeMetrics(_ values: FlatValues) throws {
        try AtomicFile.write(JSONWriter.pretty.string(values.json) + "\n", to: directory + "/metrics.json")
    }

    /// Records the end of the run.
    package func finish(_ status: RunStatus, at time: Date) throws {
        try update { record in
            record.status = status
            record.endTime = time
        }
    }

    /// Deletes the run's folder: for a repro that turned out to do nothing. A
    /// runs/ folder left empty goes too, so such a repro leaves no trace.
    package func discard() throws {
        try FileManager.default.removeItem(atPath: directory)
        rmdir((directory as NSString).deletingLastPathComponent)  // fails, harmlessly, unless empty
    }
}
