import Basics
import Foundation
import MLflowTracking
import RunStore

/// An in-memory stand-in for an MLflow tracking server: it answers the calls an
/// export makes as MLflow does (including refusing to change a param) and records
/// every request, so tests check what was sent and what the server ends up holding.
final class FakeTrackingServer: MLflowTransport, @unchecked Sendable {
    struct Run {
        var id: String
        var experimentID: String
        var start: Int64
        var status = "RUNNING"
        var end: Int64?
        var name = ""
        var params: [String: String] = [:]
        var tags: [String: String] = [:]
        var metrics: [String: [MLflowRunContent.Point]] = [:]
    }

    let server = "http://fake:5000"
    private let lock = NSLock()
    private(set) var requests: [MLflowRequest] = []
    var experiments: [String: String] = [:]
    var runs: [Run] = []
    var artifacts: [String: String] = [:]
    /// When set, answers every request with this instead.
    var failure: MLflowResponse?

    func send(_ requests: [MLflowRequest], parallel: Int) throws(MLflowTrackingError) -> [MLflowResponse] {
        lock.lock()
        defer { lock.unlock() }
        self.requests += requests
        return requests.map { failure ?? answer($0) }
    }

    private func answer(_ request: MLflowRequest) -> MLflowResponse {
        let body = request.json ?? .null
        let path = request.path.replacingOccurrences(of: "/api/2.0/mlflow", with: "")
        switch (request.method, path) {
        case ("GET", "/experiments/get-by-name"):
            let name = request.query.first { $0.name == "experiment_name" }?.value ?? ""
            guard let id = experiments[name] else { return error(404, "RESOURCE_DOES_NOT_EXIST", "Could not find experiment with name '\(name)'") }
            return ok(.object(["experiment": .object(["experiment_id": .string(id), "name": .string(name), "lifecycle_stage": .string("active")])]))
        case ("POST", "/experiments/create"):
            let id = String(experiments.count + 1)
            experiments[string(body["name"])] = id
            return ok(.object(["experiment_id": .string(id)]))
        case ("POST", "/runs/search"):
            let id = string(body["experiment_ids"].flatMap { if case .array(let ids) = $0 { ids.first } else { nil } })
            return ok(.object(["runs": .array(runs.filter { $0.experimentID == id }.map(json))]))
        case ("POST", "/runs/create"):
            var run = Run(id: String(format: "%032x", runs.count + 1), experimentID: string(body["experiment_id"]), start: integer(body["start_time"]))
            run.name = string(body["run_name"])
            for tag in array(body["tags"]) { run.tags[string(tag["key"])] = string(tag["value"]) }
            runs.append(run)
            return ok(.object(["run": json(run)]))
        case ("GET", "/metrics/get-history"):
            let id = request.query.first { $0.name == "run_id" }?.value, key = request.query.first { $0.name == "metric_key" }?.value ?? ""
            let points = runs.first { $0.id == id }?.metrics[key] ?? []
            return ok(.object(["metrics": .array(points.map { point in
                .object(["key": .string(key), "value": point.value.isNaN ? .string("NaN") : .double(point.value),
                         "timestamp": .int(Int(point.timestamp)), "step": .int(point.step)])
            })]))
        case ("POST", "/runs/log-batch"):
            guard let index = runs.firstIndex(where: { $0.id == string(body["run_id"]) }) else { return error(404, "RESOURCE_DOES_NOT_EXIST", "no run") }
            for param in array(body["params"]) {
                let key = string(param["key"]), value = string(param["value"])
                if let old = runs[index].params[key], old != value {
                    return error(400, "INVALID_PARAMETER_VALUE", "Changing param values is not allowed. Param with key='\(key)' was already logged with value='\(old)'")
                }
                runs[index].params[key] = value
            }
            for tag in array(body["tags"]) { runs[index].tags[string(tag["key"])] = string(tag["value"]) }
            for metric in array(body["metrics"]) {
                let value: Double = switch metric["value"] {
                case .double(let double)?: double
                case .int(let int)?: Double(int)
                case .string("NaN")?: .nan
                default: -1
                }
                runs[index].metrics[string(metric["key"]), default: []].append(
                    MLflowRunContent.Point(timestamp: integer(metric["timestamp"]), value: value, step: Int(integer(metric["step"]))))
            }
            return ok(.object([]))
        case ("POST", "/runs/update"):
            guard let index = runs.firstIndex(where: { $0.id == string(body["run_id"]) }) else { return error(404, "RESOURCE_DOES_NOT_EXIST", "no run") }
            runs[index].status = string(body["status"])
            runs[index].end = body["end_time"].map { integer($0) }
            return ok(.object([:]))
        case ("PUT", _) where request.path.hasPrefix("/api/2.0/mlflow-artifacts/artifacts/"):
            guard case .file(let file) = request.body else { return error(400, "BAD_REQUEST", "no body") }
            artifacts[String(request.path.dropFirst("/api/2.0/mlflow-artifacts/artifacts/".count))] = (try? String(contentsOfFile: file, encoding: .utf8)) ?? "?"
            return ok(.object([:]))
        default:
            return error(404, "ENDPOINT_NOT_FOUND", "no \(request.method) \(request.path)")
        }
    }

    private func json(_ run: Run) -> JSONValue {
        .object([
            "info": .object([
                "run_id": .string(run.id), "experiment_id": .string(run.experimentID), "start_time": .string(String(run.start)),
                "artifact_uri": .string("mlflow-artifacts:/\(run.experimentID)/\(run.id)/artifacts"),
            ]),
            "data": .object([
                "params": .array(run.params.sorted { $0.key < $1.key }.map { .object(["key": .string($0.key), "value": .string($0.value)]) }),
                "tags": .array(run.tags.sorted { $0.key < $1.key }.map { .object(["key": .string($0.key), "value": .string($0.value)]) }),
                "metrics": .array(run.metrics.keys.sorted().compactMap { key in
                    // MLflow's latest: the greatest step, then time.
                    guard let latest = run.metrics[key]?.max(by: { ($0.step, $0.timestamp) < ($1.step, $1.timestamp) }) else { return nil }
                    return .object(["key": .string(key), "value": latest.value.isNaN ? .string("NaN") : .double(latest.value),
                                    "timestamp": .int(Int(latest.timestamp)), "step": .int(latest.step)])
                }),
            ]),
        ])
    }

    private func ok(_ body: JSONValue) -> MLflowResponse { MLflowResponse(status: 200, body: JSONWriter(indent: nil).string(body)) }

    private func error(_ status: Int, _ code: String, _ message: String) -> MLflowResponse {
        MLflowResponse(status: status, body: JSONWriter(indent: nil).string(.object(["error_code": .string(code), "message": .string(message)])))
    }

    private func string(_ value: JSONValue?) -> String { if case .string(let text)? = value { text } else { "" } }
    private func integer(_ value: JSONValue?) -> Int64 { if case .int(let int)? = value { Int64(int) } else { 0 } }
    private func array(_ value: JSONValue?) -> [JSONValue] { if case .array(let items)? = value { items } else { [] } }

    /// Requests sent to `path` (below `/api/2.0/mlflow`).
    func sent(_ path: String) -> [MLflowRequest] { requests.filter { $0.path == "/api/2.0/mlflow" + path } }
}
