import Basics
import MLflowTracking
import RunStore
import Testing

/// The whole export against an in-memory server: one MLflow run per sluice run,
/// idempotent re-export, params MLflow cannot change, errors naming server and run.
@Suite struct MLflowServerExporterTests {
    @Test func exportCreatesExperimentRunsAndArtifacts() throws {
        let runs = try TestRuns()
        defer { runs.remove() }
        let server = FakeTrackingServer()
        let result = try MLflowServerExporter(transport: server, experimentName: "housing").export(runs.runs())
        #expect(server.experiments == ["housing": "1"] && result.experimentID == "1")
        #expect(server.runs.count == 2 && result.runs.allSatisfy(\.created))
        let first = server.runs[0]
        #expect(first.params == ["train.lr": "0.1", "model.kind": "gbdt", "bad key_": "1"])
        #expect(first.metrics["train/loss"]?.map(\.step) == [0, 1, 2] && first.metrics["rmse"]?.first?.value == 3.25)
        #expect(first.tags["sluice.run_id"] == runs.runs()[0].id && first.tags["mlflow.runName"] == "baseline")
        #expect(first.status == "FINISHED" && first.end == 1_795_343_405_000 && server.runs[1].status == "FAILED")
        #expect(result.skippedKeys.isEmpty)
        #expect(server.artifacts["1/\(first.id)/artifacts/logs/train%20stage.log"] == "training\n")
        #expect(server.artifacts.keys.contains("1/\(first.id)/artifacts/run.json"))
        #expect(result.artifactCount == server.artifacts.count)
    }

    @Test func exportingAgainUpdatesTheSameRuns() throws {
        let runs = try TestRuns()
        defer { runs.remove() }
        let server = FakeTrackingServer()
        let exporter = MLflowServerExporter(transport: server, experimentName: "housing")
        _ = try exporter.export(runs.runs())
        let before = server.runs
        let requestsBefore = server.requests.count
        let again = try exporter.export(runs.runs())
        #expect(again.runs.allSatisfy { !$0.created } && again.keptParams.isEmpty)
        #expect(server.runs.count == 2 && server.sent("/experiments/create").count == 1 && server.sent("/runs/create").count == 2)
        for (old, new) in zip(before, server.runs) {
            #expect(old.params == new.params && old.tags == new.tags)
            #expect(old.metrics.mapValues { $0.count } == new.metrics.mapValues { $0.count })
        }
        // Only train/loss has several points; the one-point metrics are known from search.
        #expect(server.requests[requestsBefore...].filter { $0.path.hasSuffix("/metrics/get-history") }.map(\.target)
            == ["/api/2.0/mlflow/metrics/get-history?run_id=\(before[0].id)&metric_key=train%2Floss"])
        let batches = server.requests[requestsBefore...].filter { $0.path.hasSuffix("/runs/log-batch") }
        #expect(batches.allSatisfy { $0.json?["params"] == .array([]) && $0.json?["metrics"] == .array([]) })
    }

    @Test func aParamChangedOnTheServerStaysAndIsReported() throws {
        let runs = try TestRuns()
        defer { runs.remove() }
        let server = FakeTrackingServer()
        let exporter = MLflowServerExporter(transport: server, experimentName: "housing")
        _ = try exporter.export(runs.runs())
        server.runs[0].params["train.lr"] = "0.3"
        let again = try exporter.export(runs.runs())
        #expect(again.keptParams.count == 1 && again.keptParams[0].key == "train.lr" && again.keptParams[0].server == "0.3")
        #expect(server.runs[0].params["train.lr"] == "0.3")
    }

    @Test func anUnreachableServerNamesTheServer() throws {
        let runs = try TestRuns()
        defer { runs.remove() }
        let server = FakeTrackingServer()
        server.failure = MLflowResponse(status: 0, transferError: "Failed to connect to 127.0.0.1 port 9: Connection refused")
        let error = #expect(throws: MLflowTrackingError.self) { try MLflowServerExporter(transport: server, experimentName: "housing").export(runs.runs()) }
        #expect(error?.description.hasPrefix("MLflow server http://fake:5000: run \(runs.runs()[0].id) (and 1 more): cannot reach the server") == true)
        #expect(error?.description.contains("Connection refused") == true)
        #expect(error?.diagnostic.cause == .failure)
    }

    @Test func anHTTPErrorShowsMLflowsMessageAndTheRun() throws {
        let runs = try TestRuns()
        defer { runs.remove() }
        let server = FakeTrackingServer()
        let exporter = MLflowServerExporter(transport: server, experimentName: "housing")
        _ = try exporter.export(runs.runs())
        server.runs[0].params["bad key_"] = "2"
        // A param the server holds but search did not report (as a racing writer could make) is refused by MLflow.
        let refusing = RefusingServer(inner: server)
        let error = #expect(throws: MLflowTrackingError.self) { try MLflowServerExporter(transport: refusing, experimentName: "housing").export(runs.runs()) }
        #expect(error?.run == runs.runs()[0].id)
        #expect(error?.description.contains("INVALID_PARAMETER_VALUE: Changing param values is not allowed") == true)
    }
}

/// Hides the params of searched runs, so the exporter sends them again.
struct RefusingServer: MLflowTransport {
    let inner: FakeTrackingServer
    var server: String { inner.server }

    func send(_ requests: [MLflowRequest], parallel: Int) throws(MLflowTrackingError) -> [MLflowResponse] {
        guard requests.contains(where: { $0.path.hasSuffix("/runs/search") }) else { return try inner.send(requests, parallel: parallel) }
        let saved = inner.runs
        for index in inner.runs.indices { inner.runs[index].params = [:] }
        defer { inner.runs = saved }
        return try inner.send(requests, parallel: parallel)
    }
}
