// PipelineExport: a pipeline's stage graph rendered as another engine's file — an
// Apache Airflow 3 DAG (`AirflowDAG`) or a GitHub Actions workflow
// (`GitHubActionsWorkflow`) — where every stage is one task that runs
// `sluice repro --pull -s STAGE` and `sluice push STAGE` in its own checkout.
//
// What this module must not know: the disk, the lock file, the cache or remotes (the
// generated files run `sluice`, which knows them), how stages run. It is pure: a
// `Pipeline` in, text out; it never prints, and problems are `Diagnostic`s.
import Basics
import Pipeline

/// The stages to export, in a run order, each with the tasks it waits for and its
/// task settings: what both renderers need from a `Pipeline`.
package struct ExportedPipeline: Sendable, Equatable {
    /// The stages in topological order (declaration order among independent ones).
    package var stages: [ExportedStage]
    /// The pipeline file the stages come from, as users name it (`pipeline.yaml`).
    package var pipelineFile: String

    /// The stages of `pipeline`, with task ids unique among them and the settings of
    /// each stage's `meta:`; every invalid `meta:` is reported at once.
    package init(_ pipeline: Pipeline) throws(DiagnosticList) {
        guard let order = pipeline.graph.topologicalOrder() else {
            throw DiagnosticList([.error("the stages of \(pipeline.displayName) form a cycle", hint: "run `sluice dag` to see it")])
        }
        var identifiers = TaskIdentifiers()
        var ids: [Int: String] = [:]
        for index in order { ids[index] = identifiers.claim(for: pipeline.stages[index].address) }
        var stages: [ExportedStage] = [], problems: [Diagnostic] = []
        for index in order {
            let spec = pipeline.stages[index]
            var settings = TaskSettings()
            do { settings = try TaskSettings(meta: spec.meta, stage: spec.address) } catch { problems.append(error) }
            stages.append(ExportedStage(
                id: ids[index] ?? spec.name, address: spec.address, description: spec.description,
                upstream: pipeline.graph.predecessors[index].compactMap { ids[$0] }, settings: settings))
        }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        self.init(stages: stages, pipelineFile: pipeline.displayName)
    }

    /// Creates an exported pipeline from stages already in run order.
    package init(stages: [ExportedStage], pipelineFile: String) {
        self.stages = stages
        self.pipelineFile = pipelineFile
    }
}

/// One stage as a task of another engine.
package struct ExportedStage: Sendable, Equatable {
    /// The task's (or job's) id: the stage's address with every character the engines
    /// refuse replaced by `_`, unique in the pipeline.
    package var id: String
    /// The stage's address, which `sluice repro -s` and `sluice push` take.
    package var address: String
    /// The stage's `desc`, shown as the task's documentation.
    package var description: String?
    /// The ids of the tasks that must finish first.
    package var upstream: [String]
    /// Retries and the time limit from the stage's `meta:`.
    package var settings: TaskSettings

    /// Creates an exported stage.
    package init(id: String, address: String, description: String? = nil, upstream: [String] = [], settings: TaskSettings = TaskSettings()) {
        self.id = id
        self.address = address
        self.description = description
        self.upstream = upstream
        self.settings = settings
    }
}
