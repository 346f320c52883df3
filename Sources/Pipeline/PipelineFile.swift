/// One pipeline file of a project, as loaded: where it lies and what it declares.
///
/// A project's pipeline is built from one or more of these (`Pipeline(root:files:)`):
/// their stages form one graph, each stage keeping the file it came from.
package struct PipelineFile: Sendable {
    /// The file, relative to the project root (`pipeline.yaml`, `pipelines/x/dvc.yaml`).
    package var path: String
    /// Its stages in declaration order (generated stages in generation order).
    package var stages: [StageSpec]
    /// Params files its stages read, by root-relative path.
    package var paramsFiles: [String: ParamsFile]
    /// Its top-level `metrics:` files (root-relative).
    package var extraMetrics: [String]
    /// Its top-level `runs: {columns: …}`: the metrics `runs list` shows first.
    package var runColumns: [String]
    /// Its plots: its stages' `plots:` outputs with their properties, then its top-level `plots:`.
    package var plots: [PlotDefinition] = []

    /// Creates a loaded pipeline file.
    package init(
        path: String, stages: [StageSpec], paramsFiles: [String: ParamsFile] = [:], extraMetrics: [String] = [], runColumns: [String] = []
    ) {
        self.path = path
        self.stages = stages
        self.paramsFiles = paramsFiles
        self.extraMetrics = extraMetrics
        self.runColumns = runColumns
    }

    /// The folder holding `path` (root-relative, `.` for the root): paths in the file
    /// are relative to it, and it is its stages' default working directory.
    package var directory: String { Self.directory(of: path) }

    /// The folder of the root-relative file `path`.
    package static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }
}
