import Basics

/// Checks that span stages: duplicate and overlapping outputs, dependency cycles.
enum PipelineValidator {
    static func validate(_ pipeline: Pipeline) -> [Diagnostic] {
        var diagnostics = outputConflicts(pipeline.stages)
        if let cycle = pipeline.graph.findCycle() {
            let names = cycle.map { pipeline.stages[$0].name }
            diagnostics.append(.error("dependency cycle: \(names.joined(separator: " -> "))",
                                      at: pipeline.stages[cycle[0]].location,
                                      hint: "a stage cannot depend, directly or through others, on its own outputs"))
        }
        return diagnostics
    }

    private static func outputConflicts(_ stages: [StageSpec]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let outputs = stages.flatMap { stage in stage.outputs.map { (stage: stage.name, output: $0) } }
        var firstByPath: [String: (stage: String, output: OutputSpec)] = [:]
        for entry in outputs {
            if let first = firstByPath[entry.output.path] {
                diagnostics.append(.error(
                    "output '\(entry.output.path)' of stage '\(entry.stage)' is already an output of stage '\(first.stage)'",
                    at: entry.output.location, hint: "each file may be written by one stage only"))
            } else {
                firstByPath[entry.output.path] = entry
            }
        }
        // Sorted paths put a directory right before the paths inside it.
        let sorted = firstByPath.values.sorted { $0.output.path < $1.output.path }
        for (index, outer) in sorted.enumerated() {
            for inner in sorted[(index + 1)...] {
                guard inner.output.path.hasPrefix(outer.output.path) else { break }
                guard ProjectPath.isInside(inner.output.path, outer.output.path) else { continue }
                diagnostics.append(.error(
                    "output '\(inner.output.path)' of stage '\(inner.stage)' is inside output '\(outer.output.path)' of stage '\(outer.stage)'",
                    at: inner.output.location, hint: "outputs may not overlap; declare the directory or the files, not both"))
            }
        }
        return diagnostics
    }
}
