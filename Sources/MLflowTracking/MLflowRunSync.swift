import RunStore

/// What to send so that the server's MLflow run matches a sluice run, given what the
/// server already holds: the params it lacks, every tag (setting a tag again is
/// harmless), and the metric points not yet in its history. Sending the result twice
/// changes nothing, which makes a re-export idempotent whatever the server's store.
package struct MLflowRunSync: Sendable {
    /// The `runs/log-batch` calls, in order.
    package var batches: [MLflowBatch]
    /// Params the server holds with another value: MLflow never changes a param, so these stay.
    package var keptParams: [(key: String, server: String, local: String)]

    /// The plan for `content` against `existing` (nil: a run just created), whose
    /// metric histories for the keys in `historyKeys` are `histories`.
    package init(content: MLflowRunContent, existing: MLflowRemoteRun?, histories: [String: [MLflowRunContent.Point]]) {
        var params: [MLflowBatch.KeyValue] = [], kept: [(key: String, server: String, local: String)] = []
        for (key, value) in content.params {
            switch existing?.params[key] {
            case nil: params.append(MLflowBatch.KeyValue(key: key, value: value))
            case value?: continue
            case let other?: kept.append((key, other, value))
            }
        }
        var metrics: [MLflowBatch.Metric] = []
        for (key, points) in content.metrics {
            var present = Set(histories[key] ?? [])
            // The latest point search reported is in the history too.
            if let latest = existing?.latestMetrics[key] { present.insert(latest) }
            for point in points where present.insert(point).inserted {
                metrics.append(MLflowBatch.Metric(key: key, point: point))
            }
        }
        let tags = content.tags.map { MLflowBatch.KeyValue(key: $0.key, value: $0.value) }
        batches = MLflowBatch.split(params: params, tags: tags, metrics: metrics)
        keptParams = kept
    }

    /// The metric keys whose history must be read first: those the server's run already
    /// has, except a key of one point that is the server's latest (most metrics: a final
    /// value), which needs no request.
    package static func historyKeys(content: MLflowRunContent, existing: MLflowRemoteRun?) -> [String] {
        guard let existing else { return [] }
        return content.metrics.filter { key, points in
            guard let latest = existing.latestMetrics[key] else { return false }
            return !(points.count == 1 && points[0] == latest)
        }.map(\.key)
    }
}
