import Basics
import Pipeline
import RunStore

extension WorkspaceValues {
    /// The metrics people compare runs by, in the order to show them: those the
    /// pipeline names in `runs: {columns: …}`, else the numeric keys of the metrics
    /// files of its last stage that declares any (the evaluation, as a rule, rather
    /// than the first stage's row counts). Keys are spelled as runs record them: bare,
    /// or `file:key` where an earlier file took the bare key.
    package static func headlineMetrics(of pipeline: Pipeline) -> [String] {
        if !pipeline.runColumns.isEmpty { return pipeline.runColumns }
        let order = pipeline.graph.topologicalOrder() ?? Array(pipeline.stages.indices)
        guard let last = order.last(where: { pipeline.stages[$0].outputs.contains { $0.kind == .metrics } }) else { return [] }
        let files = pipeline.stages[last].outputs.filter { $0.kind == .metrics }.map(\.path)
        var keys: [String] = []
        for path in files {
            guard let value = try? readMetricsFile(path, root: pipeline.root) else { continue }
            for entry in value.flattened() where FlatValues.number(entry.value) != nil {
                keys += [entry.key, path + ":" + entry.key]
            }
        }
        return keys
    }
}
