/// Where a run stands.
package enum RunStatus: String, Sendable, CaseIterable {
    /// Started and not yet ended (or its process died without saying so; see `StoredRun.status`).
    case running
    /// Every stage succeeded or was up to date.
    case finished
    /// A stage failed.
    case failed
    /// The run was interrupted, or its process is gone while the record still says running.
    case killed
}
