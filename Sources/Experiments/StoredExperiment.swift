import RunStore

/// An experiment read back from the run store: its record and its run.
package struct StoredExperiment: Sendable {
    /// experiment.json.
    package var record: ExperimentRecord
    /// The run it was recorded as.
    package var run: StoredRun

    /// An experiment made of its parts.
    package init(record: ExperimentRecord, run: StoredRun) {
        self.record = record
        self.run = run
    }

    /// The experiment's name.
    package var name: String { record.name }
}
