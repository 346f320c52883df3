import Basics

/// Checks that span stages: duplicate and overlapping outputs, dependency cycles.
enum PipelineValidator {
    static func validate(_ pipeline: Pipeline) -> [Diagnostic] {
        var diagnostics = protectedOutputs(pipeline) + outputConflicts(pipeline)
        if let cycle = pipeline.graph.findCycle() {
            let names = cycle.map { pipeline.stages[$0].address }
            diagnostics.append(.error("dependency cycle: \(names.joined(separator: " -> "))",
                                      at: pipeline.stages[cycle[0]].location,
                                      hint: "a stage cannot depend, directly or through others, on its own outputs"))
        }
        return diagnostics
    }

    /// Outputs that are, or are above, what the project cannot be rebuilt from.
    private static func protectedOutputs(_ pipeline: Pipeline) -> [Diagnostic] {
        let protected = ProtectedPaths(pipeline)
        return pipeline.stages.flatMap { stage in
            stage.outputs.compactMap { output -> Diagnostic? in
                guard let reason = protected.refusal(of: output.path) else { return nil }
                let declared = output.declaredPath == output.path ? "" : " (written '\(output.declaredPath)')"
                return .error(
                    "output '\(output.path)'\(declared) of stage '\(stage.address)' \(reason)",
                    at: output.location,
                    hint: "repro deletes a stage's outputs before running it; write outputs to a path of their own")
            }
        }
    }

    private static func outputConflicts(_ pipeline: Pipeline) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let outputs = pipeline.stages.flatMap { stage in stage.outputs.map { (stage: stage.address, output: $0) } }
        var firstByPath: [String: (stage: String, output: OutputSpec)] = [:]
        for entry in outputs {
            if let first = firstByPath[entry.output.path] {
                // Across pipeline files, the message also says where the first one is.
                let place = first.output.location.file == entry.output.location.file ? "" : " (\(first.output.location))"
                diagnostics.append(.error(
                    "output '\(entry.output.path)' of stage '\(entry.stage)' is already an output of stage '\(first.stage)'\(place)",
                    at: entry.output.location, hint: "each file may be written by one stage only"))
            } else {
                firstByPath[entry.output.path] = entry
            }
        }
        // Each output looks up only the folders above it, through the output index, so
        // a pipeline of many outputs is not checked pair by pair.
        var nested: [(outer: (stage: String, output: OutputSpec), inner: (stage: String, output: OutputSpec))] = []
        for inner in firstByPath.values {
            for folder in pipeline.outputs.outputs(above: inner.output.path) {
                guard let outer = firstByPath[String(folder)] else { continue }
                nested.append((outer, inner))
            }
        }
        nested.sort { ($0.outer.output.path, $0.inner.output.path) < ($1.outer.output.path, $1.inner.output.path) }
        for (outer, inner) in nested {
            diagnostics.append(.error(
                "output '\(inner.output.path)' of stage '\(inner.stage)' is inside output '\(outer.output.path)' of stage '\(outer.stage)'"
                    + (outer.output.location.file == inner.output.location.file ? "" : " (\(outer.output.location))"),
                at: inner.output.location, hint: "outputs may not overlap; declare the directory or the files, not both"))
        }
        return diagnostics
    }
}
