import Basics
import Foundation

/// A run read back from the store.
package struct StoredRun: Sendable {
    /// The run's folder (absolute).
    package let directory: String
    /// run.json.
    package var record: RunRecord
    /// params.json: the parameter values the run used.
    package var params: FlatValues
    /// metrics.json: the metrics files' values after the run.
    package var metrics: FlatValues

    /// Creates a stored run from its parts.
    package init(directory: String, record: RunRecord, params: FlatValues = FlatValues(), metrics: FlatValues = FlatValues()) {
        self.directory = directory
        self.record = record
        self.params = params
        self.metrics = metrics
    }

    /// The run id.
    package var id: String { record.id }

    /// The status to show: `killed` for a run recorded as running whose process is
    /// gone (it was killed before it could say so), else the recorded one.
    package var status: RunStatus {
        guard record.status == .running, record.process?.isGone() == true else { return record.status }
        return .killed
    }

    /// The step metrics tasks logged (history.jsonl), skipping lines that do not parse.
    package func history() -> [HistoryPoint] {
        HistoryReader.read(directory + "/history.jsonl").points
    }

    /// Everything about the run as JSON: run.json with the status to show, params,
    /// metrics and the history.
    package var json: JSONValue {
        guard case .object(var members) = record.json else { return record.json }
        if let index = members.firstIndex(where: { $0.key == "status" }) { members[index].value = .string(status.rawValue) }
        members.append(("params", params.json))
        members.append(("metrics", metrics.json))
        members.append(("history", .array(history().map(\.json))))
        return .object(members)
    }
}
