import Basics
import RunStore

/// An MLflow run as the server described it (`runs/search`, `runs/create`).
package struct MLflowRemoteRun: Sendable, Equatable {
    /// MLflow's run id.
    package var id: String
    /// Where its artifacts go (`mlflow-artifacts:/…` when the server proxies them).
    package var artifactURI: String
    /// The `sluice.run_id` tag, when it has one.
    package var sluiceRunID: String?
    /// Its params.
    package var params: [String: String]
    /// The latest point of each of its metrics (by step, then time), as search reports them.
    package var latestMetrics: [String: MLflowRunContent.Point]
    /// Its start time (ms); runs of the same sluice run are told apart by it.
    package var start: Int64

    /// Creates a run description.
    package init(id: String, artifactURI: String, sluiceRunID: String? = nil, params: [String: String] = [:],
                 latestMetrics: [String: MLflowRunContent.Point] = [:], start: Int64 = 0) {
        self.id = id
        self.artifactURI = artifactURI
        self.sluiceRunID = sluiceRunID
        self.params = params
        self.latestMetrics = latestMetrics
        self.start = start
    }

    /// Reads MLflow's `Run` JSON (`{"info": {…}, "data": {…}}`); nil without a run id.
    package init?(json: JSONValue) {
        guard let info = json["info"], let id = info["run_id"]?.text ?? info["run_uuid"]?.text else { return nil }
        let data = json["data"]
        self.id = id
        artifactURI = info["artifact_uri"]?.text ?? ""
        start = info["start_time"].flatMap(MLflowJSON.integer) ?? 0
        let tags = MLflowJSON.pairs(data?["tags"])
        sluiceRunID = tags.first { $0.key == MLflowServerExporter.runTag }?.value
        params = Dictionary(MLflowJSON.pairs(data?["params"]).map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        var latest: [String: MLflowRunContent.Point] = [:]
        if case .array(let metrics)? = data?["metrics"] {
            for metric in metrics {
                guard let key = metric["key"]?.text, let point = MLflowJSON.point(metric) else { continue }
                latest[key] = point
            }
        }
        latestMetrics = latest
    }

    /// The keys of its metrics.
    package var metricKeys: Set<String> { Set(latestMetrics.keys) }

    /// The artifact location below the server's artifact proxy
    /// (`mlflow-artifacts:/1/abc/artifacts` → `1/abc/artifacts`); nil when the
    /// server does not proxy this run's artifacts.
    package var proxiedArtifactPath: String? {
        let scheme = "mlflow-artifacts:"
        guard artifactURI.hasPrefix(scheme) else { return nil }
        var rest = Substring(artifactURI.dropFirst(scheme.count))
        if rest.hasPrefix("//") {
            // mlflow-artifacts://host:port/path names the server itself: keep the path.
            rest = rest.dropFirst(2)
            rest = rest.firstIndex(of: "/").map { rest[$0...] } ?? ""
        }
        let path = rest.split(separator: "/").joined(separator: "/")
        return path.isEmpty ? nil : path
    }
}
