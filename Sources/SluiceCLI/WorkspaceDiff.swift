import Basics
import RunStore

/// A run's values against the workspace's, for `params diff` and `metrics diff`,
/// shaped like DVC's: per key the old value, the new one and (for numbers) the change.
struct WorkspaceDiff {
    /// The run compared against.
    let run: StoredRun
    /// One row per key, the run first, the workspace second.
    let rows: [ValueComparison.Row]

    /// Compares `old` (the run's) with `new` (the workspace's); unchanged keys only with `all`.
    init(run: StoredRun, old: FlatValues, new: FlatValues, all: Bool) {
        self.run = run
        let comparison = ValueComparison([old, new])
        rows = all ? comparison.rows : comparison.changedRows
    }

    /// `{"run": id, "<section>": {key: {"old", "new", "diff"}}}`.
    func json(section: String) -> JSONValue {
        .object([
            "run": .string(run.id),
            section: .object(rows.map { row in
                var members: [(key: String, value: JSONValue)] = [("old", row.values[0] ?? .null), ("new", row.values[1] ?? .null)]
                if let delta = row.deltas[1] { members.append(("diff", .double(delta))) }
                return (row.key, .object(members))
            }),
        ])
    }

    /// A table with a column for the run and one for the workspace, or a line saying nothing changed.
    func text(keyTitle: String, noun: String, showChange: Bool) -> String {
        guard !rows.isEmpty else { return "No \(noun) changed since run \(run.id)." }
        var table = TextTable(header: [keyTitle, run.id, "workspace"] + (showChange ? ["Change"] : []))
        for row in rows {
            let change = row.deltas[1].map(RunFormat.delta) ?? "-"
            table.rows.append([row.key, RunFormat.value(row.values[0]), RunFormat.value(row.values[1])] + (showChange ? [change] : []))
        }
        return table.text
    }
}
