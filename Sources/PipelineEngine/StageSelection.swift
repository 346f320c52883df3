import Basics
import Pipeline

/// Which stages a command works on: the targets and their upstream (or downstream).
package enum StageSelection {
    /// Indices of the stages named by `targets` (addresses, bare names, `foreach`/`matrix`
    /// group names, pipeline files; folders when `recursive`); all stages when empty.
    package static func resolve(_ targets: [String], recursive: Bool = false, in pipeline: Pipeline) throws(Diagnostic) -> [Int] {
        guard !targets.isEmpty else { return Array(pipeline.stages.indices) }
        var result: [Int] = []
        for target in targets {
            result += recursive ? try pipeline.stages(inFolder: target) : try pipeline.stages(matching: target)
        }
        return result
    }

    /// The stages to consider, in a topological order: the targets with their
    /// upstream, or with their downstream when `downstream` is set, or the targets
    /// alone when `singleItem` is set (`repro -s`, as DVC's `--single-item`).
    package static func plan(_ targets: [String], recursive: Bool = false, downstream: Bool, singleItem: Bool = false,
                             in pipeline: Pipeline) throws(Diagnostic) -> [Int] {
        let roots = try resolve(targets, recursive: recursive, in: pipeline)
        let selected = targets.isEmpty || singleItem ? Set(roots)
            : downstream ? pipeline.graph.descendants(of: roots) : pipeline.graph.ancestors(of: roots)
        return (pipeline.graph.topologicalOrder() ?? Array(pipeline.stages.indices)).filter(selected.contains)
    }
}
