import Basics
import MLflowTracking
import RunStore
import Testing

/// What is sent given what the server holds; batching within MLflow's limits; reading its answers.
@Suite struct MLflowSyncTests {
    @Test func contentSanitizesKeysAndKeepsHistory() throws {
        let runs = try TestRuns()
        defer { runs.remove() }
        let content = MLflowRunContent(run: runs.runs()[0])
        #expect(content.params.map(\.key) == ["train.lr", "model.kind", "bad key_"])
        #expect(content.metrics.map(\.key) == ["train/loss", "rmse", "r2"])
        #expect(content.metrics[0].points.map(\.step) == [0, 1, 2] && content.metrics[0].points[1].value.isNaN)
        #expect(content.tags.contains { $0.key == "sluice.run_id" && $0.value == content.runID })
        #expect(MLflowRunContent.artifactFiles(in: runs.runs()[0].directory).contains("logs/train stage.log"))
    }

    @Test func aNewRunGetsEverything() throws {
        let runs = try TestRuns()
        defer { runs.remove() }
        let content = MLflowRunContent(run: runs.runs()[0])
        let sync = MLflowRunSync(content: content, existing: nil, histories: [:])
        #expect(sync.batches.count == 1)
        #expect(sync.batches[0].params.count == 3 && sync.batches[0].metrics.count == 5 && sync.batches[0].tags.count == content.tags.count)
        #expect(sync.keptParams.isEmpty)
    }

    @Test func anExistingRunGetsOnlyWhatItLacks() throws {
        let runs = try TestRuns()
        defer { runs.remove() }
        let content = MLflowRunContent(run: runs.runs()[0])
        let loss = content.metrics[0].points, rmse = content.metrics[1].points[0]
        let existing = MLflowRemoteRun(id: "m", artifactURI: "", params: ["train.lr": "0.1", "model.kind": "linear"],
                                       latestMetrics: ["train/loss": loss[1], "rmse": rmse])
        // rmse's one point is the server's latest: no history request for it.
        #expect(MLflowRunSync.historyKeys(content: content, existing: existing) == ["train/loss"])
        var moved = existing
        moved.latestMetrics["rmse"]?.timestamp += 1
        #expect(MLflowRunSync.historyKeys(content: content, existing: moved) == ["train/loss", "rmse"])
        // loss[1] (NaN, equal to NaN here) is known as the latest, loss[0] from the history: only loss[2] is missing.
        let sync = MLflowRunSync(content: content, existing: existing, histories: ["train/loss": [loss[0]]])
        #expect(sync.batches.count == 1)
        #expect(sync.batches[0].params.map(\.key) == ["bad key_"])
        #expect(sync.batches[0].metrics.map(\.key) == ["train/loss", "r2"])
        #expect(sync.batches[0].metrics[0].point.step == 2)
        #expect(sync.keptParams.count == 1 && sync.keptParams[0].key == "model.kind" && sync.keptParams[0].server == "linear" && sync.keptParams[0].local == "gbdt")
    }

    @Test(arguments: [(0, 0, 0, 0), (250, 30, 2500, 3), (100, 100, 800, 1), (101, 0, 0, 2), (0, 0, 1001, 2)])
    func batchesStayWithinLimits(params: Int, tags: Int, metrics: Int, expected: Int) {
        let batches = MLflowBatch.split(
            params: (0..<params).map { .init(key: "p\($0)", value: "v") }, tags: (0..<tags).map { .init(key: "t\($0)", value: "v") },
            metrics: (0..<metrics).map { .init(key: "m", point: .init(timestamp: 0, value: 1, step: $0)) })
        #expect(batches.count == expected)
        for batch in batches {
            #expect(batch.params.count <= 100 && batch.tags.count <= 100 && batch.params.count + batch.tags.count + batch.metrics.count <= 1000)
        }
        #expect(batches.flatMap(\.params).map(\.key) == (0..<params).map { "p\($0)" })
        #expect(batches.flatMap(\.metrics).map(\.point.step) == Array(0..<metrics))
        #expect(batches.flatMap(\.tags).count == tags)
    }

    @Test(arguments: [
        ("mlflow-artifacts:/1/abc/artifacts", "1/abc/artifacts" as String?), ("mlflow-artifacts://host:5000/2/x/artifacts", "2/x/artifacts"),
        ("s3://bucket/1/abc/artifacts", nil), ("file:///tmp/mlruns/1/abc/artifacts", nil), ("mlflow-artifacts:", nil),
    ])
    func proxiedArtifactPath(uri: String, expected: String?) {
        #expect(MLflowRemoteRun(id: "r", artifactURI: uri).proxiedArtifactPath == expected)
    }

    @Test func remoteRunFromSearchJSON() throws {
        let json = try JSONReader.parse("""
            {"info": {"run_id": "abc", "start_time": "1700", "artifact_uri": "mlflow-artifacts:/1/abc/artifacts"},
             "data": {"params": [{"key": "lr", "value": "0.1"}], "tags": [{"key": "sluice.run_id", "value": "20261122-103000-0a1b"}],
                      "metrics": [{"key": "rmse", "value": "NaN", "timestamp": 5, "step": 0}]}}
            """)
        let run = try #require(MLflowRemoteRun(json: json))
        #expect(run.id == "abc" && run.start == 1700 && run.sluiceRunID == "20261122-103000-0a1b")
        #expect(run.params == ["lr": "0.1"] && run.metricKeys == ["rmse"])
        #expect(run.latestMetrics["rmse"]?.value.isNaN == true && run.latestMetrics["rmse"]?.timestamp == 5)
        #expect(MLflowRemoteRun(json: .object(["info": .object([:])])) == nil)
    }

    @Test(arguments: [
        (400, #"{"error_code": "INVALID_PARAMETER_VALUE", "message": "Changing param values is not allowed"}"#,
         "INVALID_PARAMETER_VALUE: Changing param values is not allowed"),
        (502, "<html><body>Bad Gateway</body></html>\nmore", "HTTP 502: <html><body>Bad Gateway</body></html>"),
        (500, "", "HTTP 500"),
    ])
    func problemShowsMLflowsMessage(status: Int, body: String, expected: String) {
        #expect(MLflowResponse(status: status, body: body).problem == expected)
    }
}
