import Basics
import CommandLineKit
import Pipeline

/// `sluice dag`: the stage graph, as text or for Mermaid and Graphviz.
struct DagCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        name: "dag",
        abstract: "Show the stage graph.",
        discussion: "ASCII by default; --mermaid and --dot print text for those tools.",
        arguments: [
            .positional("target", help: "Show only this stage and its upstream.", optional: true),
            .flag(long: "mermaid", help: "Print a Mermaid flowchart."),
            .flag(long: "dot", help: "Print a Graphviz digraph."),
        ],
        examples: ["sluice dag", "sluice dag --mermaid", "sluice dag --dot | dot -Tpng -o dag.png"])

    let file: String?
    let target: String?
    let mermaid: Bool
    let dot: Bool

    init(_ values: ParsedValues) throws {
        file = values.string("file")
        target = values.string("target")
        mermaid = values.flag("mermaid")
        dot = values.flag("dot")
    }

    func validate() throws {
        if mermaid && dot { throw ValidationError("--mermaid and --dot cannot be used together") }
    }

    func run(_ console: Console) throws -> ExitCode {
        let pipeline = try Workspace.locate(file: file).loadPipeline()
        var shown = Set(pipeline.stages.indices)
        if let target {
            guard let index = pipeline.index(of: target) else {
                throw Diagnostic.error("no stage named '\(target)' in \(pipeline.displayName)",
                                       hint: Suggestion.closest(to: target, among: pipeline.stages.map(\.name)).map { "did you mean '\($0)'?" })
            }
            shown = pipeline.graph.ancestors(of: [index])
        }
        let drawing = DagDrawing(pipeline: pipeline, shown: shown)
        console.out(mermaid ? drawing.mermaid : dot ? drawing.dot : drawing.ascii)
        return .success
    }
}
