import RunStore

/// An experiment read back from the run store: its record and its run.
package struct StoredExperiment: Sendable {
    /// experiment.json.
    package var record: ExperimentRecord
    /// The run it was recorded as.
    package var run: StoredRun

    /// The experiment's name.
    package var name: String { record.name }
}
