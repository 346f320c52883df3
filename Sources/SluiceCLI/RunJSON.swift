import Basics
import RunStore

/// JSON forms of runs shared by the inspection commands.
enum RunJSON {
    /// A run without its stages, process and history: what a list needs.
    static func summary(_ run: StoredRun) -> JSONValue {
        let record = run.record
        return .object([
            "id": .string(run.id), "name": record.name.map(JSONValue.string) ?? .null, "status": .string(run.status.rawValue),
            "start_time": .string(Timestamp.string(record.startTime)),
            "end_time": record.endTime.map { .string(Timestamp.string($0)) } ?? .null,
            "duration": record.duration.map(JSONValue.double) ?? .null, "git": record.git?.json ?? .null,
            "params": run.params.json, "metrics": run.metrics.json,
        ])
    }
}
