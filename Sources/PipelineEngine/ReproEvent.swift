/// Progress of a repro, delivered as it happens so the CLI can show it.
package enum ReproEvent: Sendable {
    /// A stage begins running, for these reasons.
    case stageStarted(stage: String, reasons: [StaleReason])
    /// A command of a stage begins.
    case commandStarted(stage: String, command: String)
    /// A line of a stage's output (stdout and stderr together); `concurrent` is true
    /// when other stages are running too, so the line should carry the stage name.
    case output(stage: String, line: String, concurrent: Bool)
    /// A stage reached an end.
    case stageFinished(StageOutcome)
    /// A warning for the user (e.g. a frozen stage that is stale).
    case warning(String)
}
