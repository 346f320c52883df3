import Basics
import RunStore

/// The calls of MLflow's REST API (`/api/2.0/mlflow/…`) that an export makes.
extension MLflowRequest {
    /// The tracking API's root.
    static let api = "/api/2.0/mlflow"

    /// `experiments/get-by-name`: the experiment called `name`, or 404 `RESOURCE_DOES_NOT_EXIST`.
    package static func experiment(named name: String) -> MLflowRequest {
        MLflowRequest(method: "GET", path: api + "/experiments/get-by-name", query: [Query(name: "experiment_name", value: name)])
    }

    /// `experiments/create`: a new experiment called `name`; its artifacts go where the server puts them.
    package static func createExperiment(named name: String) -> MLflowRequest {
        MLflowRequest(method: "POST", path: api + "/experiments/create", body: .json(.object(["name": .string(name)])))
    }

    /// `runs/search`: one page of the experiment's active runs.
    package static func searchRuns(experimentID: String, pageToken: String?, pageSize: Int = 1000) -> MLflowRequest {
        var members: [(key: String, value: JSONValue)] = [
            ("experiment_ids", .array([.string(experimentID)])), ("max_results", .int(pageSize)), ("run_view_type", .string("ACTIVE_ONLY")),
        ]
        if let pageToken { members.append(("page_token", .string(pageToken))) }
        return MLflowRequest(method: "POST", path: api + "/runs/search", body: .json(.object(members)))
    }

    /// `runs/create`: the MLflow run of a sluice run, tagged with the sluice id at
    /// once, so that an export cut short still finds it next time.
    package static func createRun(experimentID: String, content: MLflowRunContent) -> MLflowRequest {
        MLflowRequest(method: "POST", path: api + "/runs/create", body: .json(.object([
            "experiment_id": .string(experimentID), "user_id": .string(content.user), "run_name": .string(content.name),
            "start_time": .int(Int(content.start)),
            "tags": .array([tag(MLflowServerExporter.runTag, content.runID)]),
        ])))
    }

    /// `metrics/get-history`: every point of `key` in MLflow run `runID`.
    package static func metricHistory(runID: String, key: String) -> MLflowRequest {
        MLflowRequest(method: "GET", path: api + "/metrics/get-history", query: [Query(name: "run_id", value: runID), Query(name: "metric_key", value: key)])
    }

    /// `runs/log-batch`: params, metric points and tags of one run.
    package static func logBatch(runID: String, batch: MLflowBatch) -> MLflowRequest {
        MLflowRequest(method: "POST", path: api + "/runs/log-batch", body: .json(.object([
            "run_id": .string(runID),
            "metrics": .array(batch.metrics.map { metric in
                .object([
                    "key": .string(metric.key), "value": number(metric.point.value),
                    "timestamp": .int(Int(metric.point.timestamp)), "step": .int(metric.point.step),
                ])
            }),
            "params": .array(batch.params.map { tag($0.key, $0.value) }),
            "tags": .array(batch.tags.map { tag($0.key, $0.value) }),
        ])))
    }

    /// `runs/update`: status, end time and name.
    package static func updateRun(runID: String, content: MLflowRunContent) -> MLflowRequest {
        var members: [(key: String, value: JSONValue)] = [
            ("run_id", .string(runID)), ("status", .string(content.statusName)), ("run_name", .string(content.name)),
        ]
        if let end = content.end { members.append(("end_time", .int(Int(end)))) }
        return MLflowRequest(method: "POST", path: api + "/runs/update", body: .json(.object(members)))
    }

    /// A `PUT` of `file` to the artifact proxy (`/api/2.0/mlflow-artifacts/artifacts/…`)
    /// at `root/relative`, where `root` is the run's artifact location below the proxy
    /// (`<experiment>/<run>/artifacts`).
    package static func uploadArtifact(root: String, relative: String, file: String) -> MLflowRequest {
        let segments = (root.split(separator: "/") + relative.split(separator: "/")).map { percentEncoded(String($0)) }
        return MLflowRequest(method: "PUT", path: "/api/2.0/mlflow-artifacts/artifacts/" + segments.joined(separator: "/"), body: .file(file))
    }

    /// `{"key": …, "value": …}`, as params and tags are sent.
    static func tag(_ key: String, _ value: String) -> JSONValue {
        .object(["key": .string(key), "value": .string(value)])
    }

    /// A metric value: JSON has no NaN or infinity, so those go as the strings
    /// protobuf's JSON form reads (`"NaN"`, `"Infinity"`, `"-Infinity"`).
    static func number(_ value: Double) -> JSONValue {
        if value.isNaN { return .string("NaN") }
        if value.isInfinite { return .string(value > 0 ? "Infinity" : "-Infinity") }
        return .double(value)
    }
}
