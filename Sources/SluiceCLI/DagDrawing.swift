import Basics
import Pipeline

/// Text forms of the stage graph.
struct DagDrawing {
    let pipeline: Pipeline
    /// The shown stages in run order, computed once: every drawing walks it.
    private let order: [Int]
    private let shown: Set<Int>

    init(pipeline: Pipeline, shown: Set<Int>) {
        self.pipeline = pipeline
        self.shown = shown
        order = (pipeline.graph.topologicalOrder() ?? Array(pipeline.stages.indices)).filter(shown.contains)
    }

    private var edges: [(Int, Int)] {
        order.flatMap { from in pipeline.graph.successors[from].filter(shown.contains).map { (from, $0) } }
    }
    private func name(_ index: Int) -> String { pipeline.stages[index].address }

    /// Dependencies outside the project root (as paths relative to the root), each with
    /// the shown stages reading it, in the order first read.
    private var external: [(path: String, stages: [Int])] {
        var result: [(path: String, stages: [Int])] = [], position: [String: Int] = [:]
        for index in order {
            for dependency in pipeline.stages[index].dependencies where dependency.isExternal {
                let path = ProjectPath.relative(dependency.path, from: pipeline.root)
                if let at = position[path] {
                    if result[at].stages.last != index { result[at].stages.append(index) }
                } else {
                    position[path] = result.count
                    result.append((path, [index]))
                }
            }
        }
        return result
    }

    /// Stages in layers (each stage one layer below its deepest upstream), boxes
    /// side by side, with the edges into each layer listed under it.
    var ascii: String {
        var layer: [Int: Int] = [:], layers: [[Int]] = []
        for index in order {
            let level = (pipeline.graph.predecessors[index].filter(shown.contains).compactMap { layer[$0] }.max() ?? -1) + 1
            layer[index] = level
            if level == layers.count { layers.append([]) }
            layers[level].append(index)
        }
        var lines: [String] = []
        for (level, stages) in layers.enumerated() {
            if level > 0 {
                let incoming = stages.flatMap { to in pipeline.graph.predecessors[to].filter(shown.contains).map { "\(name($0)) -> \(name(to))" } }
                lines.append("        │  " + incoming.joined(separator: ", "))
                lines.append("        ▼")
            }
            let names = stages.map(name)
            lines.append(names.map { "┌" + String(repeating: "─", count: $0.count + 2) + "┐" }.joined(separator: "  "))
            lines.append(names.map { "│ " + $0 + " │" }.joined(separator: "  "))
            lines.append(names.map { "└" + String(repeating: "─", count: $0.count + 2) + "┘" }.joined(separator: "  "))
        }
        let external = external
        if !external.isEmpty {
            lines.append("external dependencies (outside the project root):")
            for (path, stages) in external { lines.append("    \(path) -> \(stages.map(name).joined(separator: ", "))") }
        }
        return lines.joined(separator: "\n")
    }

    /// A Mermaid flowchart, top to bottom.
    var mermaid: String {
        var lines = ["flowchart TD"]
        for index in order { lines.append("    node\(index)[\"\(name(index))\"]") }
        for (from, to) in edges { lines.append("    node\(from) --> node\(to)") }
        for (number, entry) in external.enumerated() {
            lines.append("    external\(number)[/\"\(entry.path) (external)\"/]")
            for stage in entry.stages { lines.append("    external\(number) -.-> node\(stage)") }
        }
        return lines.joined(separator: "\n")
    }

    /// `{"stages": [...], "edges": [{"from", "to"}, ...]}`, stages in run order.
    /// With dependencies outside the project root, `"external": [{"path", "to"}, ...]` too.
    var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("stages", .array(order.map { .string(name($0)) })),
            ("edges", .array(edges.map { .object(["from": .string(name($0.0)), "to": .string(name($0.1))]) })),
        ]
        let external = external.flatMap { entry in
            entry.stages.map { JSONValue.object(["path": .string(entry.path), "to": .string(name($0))]) }
        }
        if !external.isEmpty { members.append(("external", .array(external))) }
        return .object(members)
    }

    /// A Graphviz digraph.
    var dot: String {
        var lines = ["strict digraph {"]
        for index in order { lines.append("    \"\(name(index))\";") }
        for (from, to) in edges { lines.append("    \"\(name(from))\" -> \"\(name(to))\";") }
        for (path, stages) in external {
            lines.append("    \"\(path) (external)\" [shape=note];")
            for stage in stages { lines.append("    \"\(path) (external)\" -> \"\(name(stage))\" [style=dashed];") }
        }
        lines.append("}")
        return lines.joined(separator: "\n")
    }
}
