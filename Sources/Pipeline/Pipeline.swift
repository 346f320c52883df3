// Pipeline: what pipeline.yaml (or an unchanged dvc.yaml) declares: stages with their
// commands, deps, params, outs and metrics; vars and `${}` interpolation; foreach and
// matrix generation; validation that reports every error with its place; the DAG.
//
// What this module must not know: what pipeline.lock recorded or what the disk holds
// (hashes, the cache, the lock file belong to PipelineState and ContentStore), how or
// whether stages run (PipelineEngine), runs or ML. It reads params files only for their
// values. It never prints: problems are `Diagnostic`s.
import Basics

/// A loaded, validated pipeline: the stages of one or more pipeline files in
/// declaration order and the graph between them (an edge `a → b` when b depends on
/// something a writes, whichever files declare them).
package struct Pipeline: Sendable {
    /// The pipeline file as shown to users (e.g. `pipeline.yaml`): the first of `files`.
    package var displayName: String
    /// The project root (absolute): paths are kept relative to it.
    package var root: String
    /// The pipeline files the stages come from (root-relative), the root's own file first.
    package var files: [String]
    /// Stages in declaration order (generated stages in generation order), file after file.
    package var stages: [StageSpec] {
        didSet {
            outputs = OutputTrie(stages)
            graph = Self.buildGraph(stages, outputs: outputs)
            addresses = StageAddresses(stages)
        }
    }
    /// Dependencies between stages, by index into `stages`.
    package var graph: Graph
    /// The stages' outputs by path, for finding producers and nested outputs.
    private(set) var outputs: OutputTrie
    /// The stages by address, name and file, for finding targets.
    private(set) var addresses: StageAddresses
    /// Params files the stages read, by root-relative path. A file a stage names in
    /// its `params` that did not exist when the pipeline was loaded has no entry.
    package var paramsFiles: [String: ParamsFile]
    /// Top-level `metrics:` files (root-relative), besides those the stages declare.
    package var extraMetrics: [String]
    /// The metrics `sluice runs list` shows first (`runs: {columns: …}`), every file's in order.
    package var runColumns: [String] = []
    /// The plots the pipeline files declare, file after file (see `PlotDefinition`).
    package var plots: [PlotDefinition] = []

    /// Creates a pipeline; `graph` is derived from the stages' deps and outs. `files`
    /// defaults to `displayName` and the files the stages name.
    package init(
        displayName: String, root: String, stages: [StageSpec], paramsFiles: [String: ParamsFile] = [:],
        extraMetrics: [String] = [], files: [String]? = nil
    ) {
        self.displayName = displayName
        self.root = root
        self.stages = stages
        self.paramsFiles = paramsFiles
        self.extraMetrics = extraMetrics
        self.files = files ?? Self.files(displayName: displayName, stages: stages)
        outputs = OutputTrie(stages)
        graph = Self.buildGraph(stages, outputs: outputs)
        addresses = StageAddresses(stages)
    }

    /// One pipeline of the stages of `files` (in that order), with `root` as the project root.
    package init(root: String, files: [PipelineFile]) {
        var paramsFiles: [String: ParamsFile] = [:]
        for file in files { paramsFiles.merge(file.paramsFiles) { first, _ in first } }
        self.init(
            displayName: files.first?.path ?? "pipeline.yaml", root: root, stages: files.flatMap(\.stages),
            paramsFiles: paramsFiles, extraMetrics: files.flatMap(\.extraMetrics), files: files.map(\.path))
        runColumns = files.flatMap(\.runColumns)
        plots = files.flatMap(\.plots)
    }

    /// `displayName`, then every other file the stages name, in stage order.
    private static func files(displayName: String, stages: [StageSpec]) -> [String] {
        var files = [displayName], seen: Set<String> = [displayName]
        for stage in stages where seen.insert(stage.file).inserted { files.append(stage.file) }
        return files
    }

    /// The index of the stage at `address` (`sub/pipeline.yaml:train`), or with the bare
    /// name `address` when exactly one stage has it.
    package func index(of address: String) -> Int? {
        if let index = addresses.byAddress[address] { return index }
        guard let named = addresses.byName[address], named.count == 1 else { return nil }
        return named[0]
    }

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
