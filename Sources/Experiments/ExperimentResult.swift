import PipelineEngine
import RunStore

/// What became of one experiment of a sweep.
package struct ExperimentResult: Sendable {
    /// The experiment.
    package var definition: ExperimentDefinition
    /// The run it was recorded as; `nil` when it could not start (the message says why).
    package var run: String?
    /// finished, failed or killed.
    package var status: RunStatus
    /// The engine's report of its stages (empty when it could not start).
    package var report: ReproReport
    /// Why it failed, for the user.
    package var message: String?
    /// Problems met recording it.
    package var warnings: [String]
    /// Seconds from start to end.
    package var duration: Double

    /// Whether it succeeded.
    package var succeeded: Bool { status == .finished }
}
