import Basics
import MLflowTracking
import RunStore
import Testing

/// The REST calls as data: paths, queries and JSON bodies, checked without a server.
@Suite struct MLflowRequestTests {
    static func content() throws -> (TestRuns, MLflowRunContent) {
        let runs = try TestRuns()
        return (runs, MLflowRunContent(run: runs.runs()[0]))
    }

    @Test func experimentLookupEncodesTheName() {
        let request = MLflowRequest.experiment(named: "my project/ü")
        #expect(request.method == "GET")
        #expect(request.target == "/api/2.0/mlflow/experiments/get-by-name?experiment_name=my%20project%2F%C3%BC")
        #expect(MLflowRequest.createExperiment(named: "housing").json == .object(["name": .string("housing")]))
    }

    @Test func createRunTagsTheSluiceID() throws {
        let (runs, content) = try Self.content()
        defer { runs.remove() }
        let body = try #require(MLflowRequest.createRun(experimentID: "7", content: content).json)
        #expect(body["experiment_id"] == .string("7"))
        #expect(body["run_name"] == .string("baseline"))
        #expect(body["start_time"] == .int(1_795_343_400_000))
        #expect(body["tags"] == .array([.object(["key": .string("sluice.run_id"), "value": .string(content.runID)])]))
    }

    @Test func logBatchSendsNaNAsProtobufReadsIt() {
        let batch = MLflowBatch(
            params: [.init(key: "train.lr", value: "0.1")], tags: [.init(key: "mlflow.user", value: "ci")],
            metrics: [.init(key: "loss", point: .init(timestamp: 5, value: .nan, step: 1)), .init(key: "loss", point: .init(timestamp: 6, value: -.infinity, step: 2)),
                      .init(key: "rmse", point: .init(timestamp: 7, value: 3.5, step: 0))])
        let body = MLflowRequest.logBatch(runID: "abc", batch: batch).json
        #expect(JSONWriter(indent: nil).string(body ?? .null) == """
            {"run_id":"abc","metrics":[{"key":"loss","value":"NaN","timestamp":5,"step":1},\
            {"key":"loss","value":"-Infinity","timestamp":6,"step":2},{"key":"rmse","value":3.5,"timestamp":7,"step":0}],\
            "params":[{"key":"train.lr","value":"0.1"}],"tags":[{"key":"mlflow.user","value":"ci"}]}
            """)
    }

    @Test func updateSendsTheEndOnlyWhenThereIsOne() throws {
        let runs = try TestRuns()
        defer { runs.remove() }
        var content = MLflowRunContent(run: runs.runs()[1])
        let failed = try #require(MLflowRequest.updateRun(runID: "r", content: content).json)
        #expect(failed["status"] == .string("FAILED") && failed["end_time"] == .int(1_795_343_463_000))
        content.status = .running
        content.end = nil
        let running = try #require(MLflowRequest.updateRun(runID: "r", content: content).json)
        #expect(running["status"] == .string("RUNNING") && running["end_time"] == nil)
    }

    @Test func artifactUploadsGoThroughTheProxy() {
        let request = MLflowRequest.uploadArtifact(root: "1/abc/artifacts", relative: "logs/train stage@1.log", file: "/tmp/x")
        #expect(request.method == "PUT" && request.body == .file("/tmp/x"))
        #expect(request.path == "/api/2.0/mlflow-artifacts/artifacts/1/abc/artifacts/logs/train%20stage%401.log")
    }

    @Test func searchPagesThroughActiveRuns() {
        let first = MLflowRequest.searchRuns(experimentID: "3", pageToken: nil).json
        #expect(first?["experiment_ids"] == .array([.string("3")]) && first?["run_view_type"] == .string("ACTIVE_ONLY") && first?["page_token"] == nil)
        #expect(MLflowRequest.searchRuns(experimentID: "3", pageToken: "t2").json?["page_token"] == .string("t2"))
    }

    @Test func historyQueryNamesRunAndKey() {
        #expect(MLflowRequest.metricHistory(runID: "r1", key: "train/loss").target == "/api/2.0/mlflow/metrics/get-history?run_id=r1&metric_key=train%2Floss")
    }
}
