import Basics
import Pipeline
import Project

extension FuzzTarget {
    /// pipeline.yaml with params.yaml beside it: loaded as `status` and `repro` load
    /// it (interpolation, foreach/matrix, validation, the DAG), then what a run
    /// records from it (the tracked params' values, the metrics files).
    static func runPipeline(_ bundle: FuzzBundle, in sandbox: FuzzSandbox) throws -> FuzzOutcome {
        let directory = sandbox.directory(for: .pipeline)
        let pipeline = try PipelineLoader.load(path: directory + "/pipeline.yaml", displayName: "pipeline.yaml")
        guard pipeline.graph.topologicalOrder() != nil else { return .mismatch("a pipeline with a cycle loaded without an error") }
        for stage in pipeline.stages {
            _ = pipeline.index(of: stage.name)
            for output in stage.outputs { _ = pipeline.producer(of: output.path) }
        }
        let params = WorkspaceValues.params(of: pipeline)
        _ = JSONWriter.pretty.string(params.json)
        _ = WorkspaceValues.metricsFiles(of: pipeline)
        return .accepted
    }
}
