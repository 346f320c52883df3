/// What `sluice repro` was asked to do.
package struct ReproOptions: Sendable {
    /// Stage addresses or names (or generated-stage groups, or pipeline files) to
    /// reproduce; empty means every stage.
    package var targets: [String] = []
    /// The targets are folders: every stage of the pipeline files in them and below.
    package var recursive = false
    /// Run the targets and everything downstream of them, instead of their upstream.
    package var downstream = false
    /// Consider the targets alone, without their upstream (`repro -s`): a stale
    /// upstream stage is neither run nor a reason.
    package var singleItem = false
    /// Run the selected stages even when up to date.
    package var force = false
    /// Print the plan and its reasons; run nothing.
    package var dryRun = false
    /// After a failure, keep running stages that do not depend on the failed one.
    package var keepGoing = false
    /// How many stages may run at once.
    package var jobs: Int = 1

    /// Default options: every stage, one at a time.
    package init() {}
}
