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
    private func name(_ index: Int) -> String { pipeline.stages[index].name }

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
        return lines.joined(separator: "\n")
    }

    /// A Mermaid flowchart, top to bottom.
    var mermaid: String {
        var lines = ["flowchart TD"]
        for index in order { lines.append("    node\(index)[\"\(name(index))\"]") }
        for (from, to) in edges { lines.append("    node\(from) --> node\(to)") }
        return lines.joined(separator: "\n")
    }

    /// `{"stages": [...], "edges": [{"from", "to"}, ...]}`, stages in run order.
    var json: JSONValue {
        .object([
            "stages": .array(order.map { .string(name($0)) }),
            "edges": .array(edges.map { .object(["from": .string(name($0.0)), "to": .string(name($0.1))]) }),
        ])
    }

    /// A Graphviz digraph.
    var dot: String {
        var lines = ["strict digraph {"]
        for index in order { lines.append("    \"\(name(index))\";") }
        for (from, to) in edges { lines.append("    \"\(name(from))\" -> \"\(name(to))\";") }
        lines.append("}")
        return lines.joined(separator: "\n")
    }
}
