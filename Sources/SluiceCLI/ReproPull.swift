import Basics
import PipelineEngine
import Project

/// The `--pull` step of `sluice repro`: fetch and check out, then say what happened on
/// standard error (standard output stays the report's, also with `--json`).
enum ReproPull {
    /// Runs the prefetch; false when an object was damaged or could not be stored (the
    /// repro then does not start).
    static func prefetch(_ sync: RemoteSync, options: ReproOptions, console: Console) throws -> Bool {
        let prefetch = try sync.prefetch(options)
        for failure in prefetch.summary.failures {
            console.err("error: " + failure.description + (failure.hint.map { "\n  hint: \($0)" } ?? ""))
        }
        let count = prefetch.summary.transferred
        console.err("Pulled \(count) object\(count == 1 ? "" : "s") from remote \(sync.definition.name) (\(prefetch.summary.skipped) already here)")
        for path in prefetch.restored { console.err("restored  \(path)") }
        if !prefetch.unavailable.isEmpty {
            console.err("not on the remote: \(prefetch.unavailable.joined(separator: ", ")) (their stages run unless the run-cache has them)")
        }
        return prefetch.summary.failures.isEmpty
    }
}
