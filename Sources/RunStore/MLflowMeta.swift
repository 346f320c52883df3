import Foundation

/// The meta.yaml files of MLflow's file store, written as MLflow itself writes
/// them: keys sorted, strings single-quoted, times in milliseconds, status an integer.
enum MLflowMeta {
    /// MLflow's integer run statuses.
    static func status(_ status: RunStatus) -> Int {
        switch status {
        case .running: 1
        case .finished: 3
        case .failed: 4
        case .killed: 5
        }
    }

    /// An experiment's meta.yaml.
    static func experiment(id: String, name: String, artifactLocation: String, created: Int64, updated: Int64) -> String {
        lines([
            ("artifact_location", quote(artifactLocation)), ("creation_time", "\(created)"), ("experiment_id", quote(id)),
            ("last_update_time", "\(updated)"), ("lifecycle_stage", "active"), ("name", quote(name)),
        ])
    }

    /// A run's fields, in the order of MLflow's own meta.yaml.
    struct Run {
        var runID: String
        var experimentID: String
        var name: String
        var artifactURI: String
        var start: Int64
        var end: Int64?
        var status: Int
        var user: String
        var sourceVersion: String
    }

    /// A run's meta.yaml. `end_time` is always present (null while running):
    /// MLflow fails to read the whole experiment without the key.
    static func run(_ run: Run) -> String {
        lines([
            ("artifact_uri", quote(run.artifactURI)), ("end_time", run.end.map { "\($0)" } ?? "null"),
            ("entry_point_name", "''"), ("experiment_id", quote(run.experimentID)), ("lifecycle_stage", "active"),
            ("run_id", quote(run.runID)), ("run_name", quote(run.name)), ("run_uuid", quote(run.runID)),
            ("source_name", "''"), ("source_type", "4"), ("source_version", quote(run.sourceVersion)),
            ("start_time", "\(run.start)"), ("status", "\(run.status)"), ("tags", "[]"), ("user_id", quote(run.user)),
        ])
    }

    /// A YAML single-quoted scalar on one line.
    static func quote(_ text: String) -> String {
        let oneLine = text.map { $0.isNewline ? " " : $0 }
        return "'" + String(oneLine).replacingOccurrences(of: "'", with: "''") + "'"
    }

    private static func lines(_ members: [(String, String)]) -> String {
        members.map { "\($0.0): \($0.1)\n" }.joined()
    }
}
