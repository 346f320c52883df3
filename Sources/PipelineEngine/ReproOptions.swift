/// What `sluice repro` was asked to do.
public struct ReproOptions: Sendable {
    /// Stage names (or generated-stage groups) to reproduce; empty means every stage.
    public var targets: [String] = []
    /// Run the targets and everything downstream of them, instead of their upstream.
    public var downstream = false
    /// Run the selected stages even when up to date.
    public var force = false
    /// Print the plan and its reasons; run nothing.
    public var dryRun = false
    /// After a failure, keep running stages that do not depend on the failed one.
    public var keepGoing = false
    /// How many stages may run at once.
    public var jobs: Int = 1

    /// Default options: every stage, one at a time.
    public init() {}
}
