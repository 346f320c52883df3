import Basics
import RunStore

/// Exports sluice runs to an MLflow tracking server through its REST API: one
/// experiment, one MLflow run per sluice run (found again by its `sluice.run_id`
/// tag, so exporting again updates the same run), params, metric points with their
/// steps and times, tags, status and end time, and the run folder as artifacts
/// through the server's artifact proxy.
package struct MLflowServerExporter: Sendable {
    /// The tag that ties an MLflow run to its sluice run.
    package static let runTag = "sluice.run_id"

    /// Sends the requests.
    package let transport: any MLflowTransport
    /// The experiment's name.
    package let experimentName: String
    /// Read-only requests and artifact uploads sent at once (writes to the tracking
    /// store go one at a time: a SQLite store takes one writer).
    package let parallel: Int

    /// An exporter through `transport` into experiment `experimentName`.
    package init(transport: any MLflowTransport, experimentName: String, parallel: Int = 4) {
        self.transport = transport
        self.experimentName = experimentName
        self.parallel = max(1, parallel)
    }

    /// Exports `runs`; throws at the first request the server refuses or cannot answer.
    package func export(_ runs: [StoredRun]) throws(MLflowTrackingError) -> MLflowServerExport {
        let experimentID: String, existing: [String: MLflowRemoteRun]
        do {
            experimentID = try experiment()
            existing = try existingRuns(experimentID: experimentID)
        } catch {
            // Before any one run is concerned, the error names the runs being exported.
            var error = error
            if let first = runs.first { error.run = first.id + (runs.count > 1 ? " (and \(runs.count - 1) more)" : "") }
            throw error
        }
        var result = MLflowServerExport(experimentID: experimentID)
        let contents = runs.map(MLflowRunContent.init(run:))
        var remote = contents.map { existing[$0.runID] }
        try createMissing(contents, in: experimentID, into: &remote)
        let mlflowRuns = remote.compactMap { $0 }
        guard mlflowRuns.count == contents.count else {
            throw MLflowTrackingError(server: transport.server, "the server did not return every run it created")
        }
        let histories = try histories(contents, existing: contents.map { existing[$0.runID] }, runs: mlflowRuns)
        var writes: [(run: String, request: MLflowRequest, action: String)] = []
        for (index, content) in contents.enumerated() {
            let sync = MLflowRunSync(content: content, existing: existing[content.runID], histories: histories[index])
            writes += sync.batches.map { (content.runID, MLflowRequest.logBatch(runID: mlflowRuns[index].id, batch: $0), "logging params, metrics and tags") }
            writes.append((content.runID, MLflowRequest.updateRun(runID: mlflowRuns[index].id, content: content), "updating the run's status"))
            result.runs.append((content.runID, mlflowRuns[index].id, existing[content.runID] == nil))
            result.skippedKeys += content.skippedKeys.map { (content.runID, $0) }
            result.keptParams += sync.keptParams.map { (content.runID, $0.key, $0.server, $0.local) }
        }
        _ = try send(writes, parallel: 1)
        var uploads: [(run: String, request: MLflowRequest, action: String)] = []
        for (index, run) in runs.enumerated() {
            guard let root = mlflowRuns[index].proxiedArtifactPath else {
                result.unproxiedArtifacts.append((run.id, mlflowRuns[index].artifactURI))
                continue
            }
            for relative in MLflowRunContent.artifactFiles(in: run.directory) {
                uploads.append((run.id, .uploadArtifact(root: root, relative: relative, file: run.directory + "/" + relative), "uploading artifact \(relative)"))
            }
        }
        _ = try send(uploads, parallel: parallel)
        result.artifactCount = uploads.count
        return result
    }

    /// The experiment's id: found by name, else created.
    func experiment() throws(MLflowTrackingError) -> String {
        let action = "looking up experiment '\(experimentName)'"
        let found = try single(.experiment(named: experimentName), action: action)
        if found.isSuccess { return try experimentID(in: found, action: action) }
        guard found.errorCode == "RESOURCE_DOES_NOT_EXIST" else { throw MLflowTrackingError(server: transport.server, run: nil, doing: action, response: found) }
        let created = try single(.createExperiment(named: experimentName), action: "creating experiment '\(experimentName)'")
        if created.isSuccess, let id = created.json?["experiment_id"]?.text { return id }
        // Another export made it meanwhile.
        if created.errorCode == "RESOURCE_ALREADY_EXISTS" {
            return try experimentID(in: try single(.experiment(named: experimentName), action: action), action: action)
        }
        throw MLflowTrackingError(server: transport.server, run: nil, doing: "creating experiment '\(experimentName)'", response: created)
    }

    private func experimentID(in response: MLflowResponse, action: String) throws(MLflowTrackingError) -> String {
        guard response.isSuccess else { throw MLflowTrackingError(server: transport.server, run: nil, doing: action, response: response) }
        guard let experiment = response.json?["experiment"], let id = experiment["experiment_id"]?.text else {
            throw MLflowTrackingError(server: transport.server, "\(action): the answer has no experiment id",
                                      hint: "check that the URL is an MLflow tracking server's")
        }
        if experiment["lifecycle_stage"]?.text == "deleted" {
            throw MLflowTrackingError(server: transport.server, "experiment '\(experimentName)' (id \(id)) is deleted",
                                      hint: "restore it in the MLflow UI, or export to another one with --experiment NAME")
        }
        return id
    }

    /// The experiment's active runs that carry a sluice run id, by that id; the
    /// earliest when several carry the same one.
    func existingRuns(experimentID: String) throws(MLflowTrackingError) -> [String: MLflowRemoteRun] {
        var found: [String: MLflowRemoteRun] = [:], token: String?
        repeat {
            let page = try single(.searchRuns(experimentID: experimentID, pageToken: token), action: "searching the experiment's runs")
            guard page.isSuccess, let json = page.json else {
                throw MLflowTrackingError(server: transport.server, run: nil, doing: "searching the experiment's runs", response: page)
            }
            if case .array(let runs)? = json["runs"] {
                for run in runs.compactMap(MLflowRemoteRun.init(json:)) {
                    guard let id = run.sluiceRunID else { continue }
                    if let other = found[id], other.start <= run.start { continue }
                    found[id] = run
                }
            }
            token = json["next_page_token"]?.text.flatMap { $0.isEmpty ? nil : $0 }
        } while token != nil
        return found
    }

    /// Creates the MLflow runs that do not exist yet, filling `remote`.
    private func createMissing(_ contents: [MLflowRunContent], in experimentID: String, into remote: inout [MLflowRemoteRun?]) throws(MLflowTrackingError) {
        let missing = contents.indices.filter { remote[$0] == nil }
        let responses = try send(missing.map { (contents[$0].runID, MLflowRequest.createRun(experimentID: experimentID, content: contents[$0]), "creating its MLflow run") }, parallel: 1)
        for (position, index) in missing.enumerated() {
            guard let run = responses[position].json?["run"].flatMap(MLflowRemoteRun.init(json:)) else {
                throw MLflowTrackingError(server: transport.server, run: contents[index].runID, "creating its MLflow run: the answer has no run id")
            }
            remote[index] = run
        }
    }

    /// For each run, the server's history of the metric keys it already has.
    private func histories(_ contents: [MLflowRunContent], existing: [MLflowRemoteRun?], runs: [MLflowRemoteRun]) throws(MLflowTrackingError) -> [[String: [MLflowRunContent.Point]]] {
        var wanted: [(index: Int, key: String)] = []
        for (index, content) in contents.enumerated() {
            wanted += MLflowRunSync.historyKeys(content: content, existing: existing[index]).map { (index, $0) }
        }
        let responses = try send(wanted.map { (contents[$0.index].runID, MLflowRequest.metricHistory(runID: runs[$0.index].id, key: $0.key), "reading the history of metric '\($0.key)'") },
                                 parallel: parallel)
        var histories = [[String: [MLflowRunContent.Point]]](repeating: [:], count: contents.count)
        for (position, item) in wanted.enumerated() {
            histories[item.index][item.key] = MLflowJSON.points(responses[position].json)
        }
        return histories
    }

    /// Sends one request; a transfer failure is thrown, an HTTP error returned.
    private func single(_ request: MLflowRequest, action: String) throws(MLflowTrackingError) -> MLflowResponse {
        let response = try transport.send([request], parallel: 1).first ?? MLflowResponse(status: 0, transferError: "no response")
        if response.status == 0 { throw MLflowTrackingError(server: transport.server, run: nil, doing: action, response: response) }
        return response
    }

    /// Sends a batch; the first request that failed is thrown, naming its run.
    private func send(_ items: [(run: String, request: MLflowRequest, action: String)], parallel: Int) throws(MLflowTrackingError) -> [MLflowResponse] {
        let responses = try transport.send(items.map(\.request), parallel: parallel)
        for (item, response) in zip(items, responses) where !response.isSuccess {
            throw MLflowTrackingError(server: transport.server, run: item.run, doing: item.action, response: response)
        }
        return responses
    }
}
