import Basics
import Pipeline
import RunStore

/// A run's values against the workspace's, for `params diff` and `metrics diff`,
/// shaped like DVC's: per key the old value, the new one and (for numbers) the change.
package struct WorkspaceDiff: Sendable {
    /// What is compared: the tracked params, or the metrics files' values.
    package enum Section: String, Sendable {
        case params, metrics
    }

    /// The run compared against.
    package let run: StoredRun
    /// What the rows compare.
    package let section: Section
    /// One row per key, the run first, the workspace second.
    package let rows: [ValueComparison.Row]
    /// Problems met reading the workspace's values (a metrics file that does not parse).
    package let warnings: [String]

    /// Compares `run`'s values of `section` with the workspace's now; unchanged keys only with `all`.
    package init(run: StoredRun, workspace pipeline: Pipeline, section: Section, all: Bool) {
        let old: FlatValues, new: FlatValues
        switch section {
        case .params:
            (old, new, warnings) = (run.params, WorkspaceValues.params(of: pipeline), [])
        case .metrics:
            let current = WorkspaceValues.metrics(of: pipeline)
            (old, new, warnings) = (run.metrics, current.values, current.warnings)
        }
        self.run = run
        self.section = section
        let comparison = ValueComparison([old, new])
        rows = all ? comparison.rows : comparison.changedRows
    }

    /// `{"run": id, "<section>": {key: {"old", "new", "diff"}}}`.
    package var json: JSONValue {
        .object([
            "run": .string(run.id),
            section.rawValue: .object(rows.map { row in
                var members: [(key: String, value: JSONValue)] = [("old", row.values[0] ?? .null), ("new", row.values[1] ?? .null)]
                if let delta = row.deltas[1] { members.append(("diff", .double(delta))) }
                return (row.key, .object(members))
            }),
        ])
    }
}
