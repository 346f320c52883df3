import RunStore

/// What one `runs/log-batch` call carries, within MLflow's limits: at most 100
/// params, 100 tags and 1,000 metric points, and 1,000 entries in all.
package struct MLflowBatch: Sendable, Equatable {
    /// Params: key and value.
    package var params: [KeyValue] = []
    /// Tags: key and value.
    package var tags: [KeyValue] = []
    /// Metric points with their keys.
    package var metrics: [Metric] = []

    /// A key and its text.
    package struct KeyValue: Sendable, Equatable {
        /// The key.
        package var key: String
        /// The value.
        package var value: String

        /// A key and its text.
        package init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    /// A metric point with its key.
    package struct Metric: Sendable, Equatable {
        /// The key.
        package var key: String
        /// The point.
        package var point: MLflowRunContent.Point

        /// A point of `key`.
        package init(key: String, point: MLflowRunContent.Point) {
            self.key = key
            self.point = point
        }
    }

    /// The most params one call may carry.
    package static let maximumParams = 100
    /// The most tags one call may carry.
    package static let maximumTags = 100
    /// The most entries (params, tags and metric points together) one call may carry.
    package static let maximumEntries = 1000

    /// Creates a batch.
    package init(params: [KeyValue] = [], tags: [KeyValue] = [], metrics: [Metric] = []) {
        self.params = params
        self.tags = tags
        self.metrics = metrics
    }

    /// Nothing to send.
    package var isEmpty: Bool { params.isEmpty && tags.isEmpty && metrics.isEmpty }

    /// `params`, `tags` and `metrics` cut into as few batches as the limits allow, in order.
    package static func split(params: [KeyValue], tags: [KeyValue], metrics: [Metric]) -> [MLflowBatch] {
        var batches: [MLflowBatch] = []
        var params = params[...], tags = tags[...], metrics = metrics[...]
        while !params.isEmpty || !tags.isEmpty || !metrics.isEmpty {
            var batch = MLflowBatch()
            batch.params = Array(params.prefix(maximumParams))
            params = params.dropFirst(batch.params.count)
            batch.tags = Array(tags.prefix(maximumTags))
            tags = tags.dropFirst(batch.tags.count)
            batch.metrics = Array(metrics.prefix(maximumEntries - batch.params.count - batch.tags.count))
            metrics = metrics.dropFirst(batch.metrics.count)
            batches.append(batch)
        }
        return batches
    }
}
