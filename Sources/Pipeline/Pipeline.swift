// Pipeline: what pipeline.yaml (or an unchanged dvc.yaml) declares: stages with their
// commands, deps, params, outs and metrics; vars and `${}` interpolation; foreach and
// matrix generation; validation that reports every error with its place; the DAG.
//
// What this module must not know: what pipeline.lock recorded or what the disk holds
// (hashes, the cache, the lock file belong to PipelineState and ContentStore), how or
// whether stages run (PipelineEngine), runs or ML. It reads params files only for their
// values. It never prints: problems are `Diagnostic`s.
import Basics

/// A loaded, validated pipeline: its stages in declaration order and the graph
/// between them (an edge `a → b` when b depends on something a writes).
package struct Pipeline: Sendable {
    /// The pipeline file as shown to users (e.g. `pipeline.yaml`).
    package var displayName: String
    /// The project root: the directory holding the pipeline file (absolute).
    package var root: String
    /// Stages in declaration order (generated stages in generation order).
    package var stages: [StageSpec] {
        didSet {
            outputs = OutputTrie(stages)
            graph = Self.buildGraph(stages, outputs: outputs)
        }
    }
    /// Dependencies between stages, by index into `stages`.
    package var graph: Graph
    /// The stages' outputs by path, for finding producers and nested outputs.
    private(set) var outputs: OutputTrie
    /// Params files the stages read, by root-relative path. A file a stage names in
    /// its `params` that did not exist when the pipeline was loaded has no entry.
    package var paramsFiles: [String: ParamsFile]
    /// Top-level `metrics:` files (root-relative), besides those the stages declare.
    package var extraMetrics: [String]

    /// Creates a pipeline; `graph` is derived from the stages' deps and outs.
    package init(displayName: String, root: String, stages: [StageSpec], paramsFiles: [String: ParamsFile] = [:], extraMetrics: [String] = []) {
        self.displayName = displayName
        self.root = root
        self.stages = stages
        self.paramsFiles = paramsFiles
        self.extraMetrics = extraMetrics
        outputs = OutputTrie(stages)
        graph = Self.buildGraph(stages, outputs: outputs)
    }

    /// The index of the stage named `name`.
    package func index(of name: String) -> Int? { stages.firstIndex { $0.name == name } }

    /// The stage (index) whose output is `path` or contains it.
    package func producer(of path: String) -> Int? {
        outputs.producers(containing: path).min()
    }

    /// Whether some stage writes `path`, a folder above it or something inside it:
    /// whether a dependency on `path` that is missing may yet be produced.
    package func hasProducer(overlapping path: String) -> Bool {
        outputs.hasProducer(overlapping: path)
    }

    /// An edge from each stage writing a path to each stage reading it, the folder
    /// above it or something inside it.
    private static func buildGraph(_ stages: [StageSpec], outputs: OutputTrie) -> Graph {
        var edges: [(from: Int, to: Int)] = []
        for (consumer, stage) in stages.enumerated() {
            for dependency in stage.dependencies {
                for producer in outputs.producers(overlapping: dependency.path) {
                    edges.append((producer, consumer))
                }
            }
        }
        return Graph(count: stages.count, edges: edges)
    }
}
