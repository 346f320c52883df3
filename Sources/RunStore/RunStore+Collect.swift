import Basics
import Foundation

/// What `RunStore.collect` did or would do.
package struct RunCollection: Sendable {
    /// Runs deleted (or, in a dry run, to delete), oldest first.
    package var removed: [String] = []
    /// Runs kept because they are among the newest.
    package var kept: [String] = []
    /// Older runs kept because their process is still running.
    package var stillRunning: [String] = []
}

extension RunStore {
    /// Deletes all but the `keep` newest runs. A run that is still going is never
    /// deleted, whatever its age; folders with an unreadable run.json are left alone
    /// (they may be a run being created this instant).
    package func collect(keep: Int, dryRun: Bool = false) throws -> RunCollection {
        let runs = self.runs().runs
        var result = RunCollection()
        let cut = max(0, runs.count - max(0, keep))
        result.kept = runs[cut...].map(\.id)
        for run in runs[..<cut] {
            if run.status == .running {
                result.stillRunning.append(run.id)
                continue
            }
            if !dryRun { try remove(run.id) }
            result.removed.append(run.id)
        }
        return result
    }
}
