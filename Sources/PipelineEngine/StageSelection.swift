import Basics
import Pipeline

/// Which stages a command works on: the targets and their upstream (or downstream).
enum StageSelection {
    /// Indices of the stages named by `targets` (a name, or a `foreach`/`matrix`
    /// group name standing for all its `name@…` stages); all stages when empty.
    static func resolve(_ targets: [String], in pipeline: Pipeline) throws(Diagnostic) -> [Int] {
        guard !targets.isEmpty else { return Array(pipeline.stages.indices) }
        var result: [Int] = []
        for target in targets {
            let matches = pipeline.stages.indices.filter { index in
                let name = pipeline.stages[index].name
                return name == target || name.hasPrefix(target + "@")
            }
            guard !matches.isEmpty else {
                let hint = Suggestion.closest(to: target, among: pipeline.stages.map(\.name)).map { "did you mean '\($0)'?" }
                    ?? "'sluice dag' lists the stages"
                throw .error("no stage named '\(target)' in \(pipeline.displayName)", hint: hint)
            }
            result += matches
        }
        return result
    }

    /// The stages to consider, in a topological order: the targets with their
    /// upstream, or with their downstream when `downstream` is set.
    static func plan(_ targets: [String], downstream: Bool, in pipeline: Pipeline) throws(Diagnostic) -> [Int] {
        let roots = try resolve(targets, in: pipeline)
        let selected = targets.isEmpty ? Set(roots)
            : downstream ? pipeline.graph.descendants(of: roots) : pipeline.graph.ancestors(of: roots)
        return (pipeline.graph.topologicalOrder() ?? Array(pipeline.stages.indices)).filter(selected.contains)
    }
}
