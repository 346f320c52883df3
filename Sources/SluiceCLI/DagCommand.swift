import Basics
import CommandLineKit
import Project
import Pipeline

/// `sluice dag`: the stage graph, as text, for Mermaid or Graphviz, or as JSON.
struct DagCommand: RunnableCommand {
    static let target = Positional<String?>(
        "target", help: "Show only this stage (an address such as sub/pipeline.yaml:train, a name, a pipeline file) and its upstream.")
    static let mermaid = Flag(long: "mermaid", help: "Print a Mermaid flowchart.")
    static let md = Flag(long: "md", help: "Print the Mermaid flowchart in a Markdown code block.")
    static let dot = Flag(long: "dot", help: "Print a Graphviz digraph.")
    static let json = Flag(long: "json", help: "Print the stages (in run order) and edges as JSON.")
    static let recursive = SluiceCommand.recursive("show")

    static let configuration = CommandConfiguration(
        name: "dag",
        abstract: "Show the stage graph.",
        discussion: """
            ASCII by default; --mermaid, --md and --dot print text for those tools, --json the stages and edges. \
            Dependencies outside the project root are drawn as external.
            """,
        arguments: [target, mermaid, md, dot, json, recursive],
        examples: ["sluice dag", "sluice dag --md >> README.md", "sluice dag --dot | dot -Tpng -o dag.png", "sluice dag --json train",
                   "sluice dag -R pipelines"])

    let file: String?
    let target: String?
    let recursive: Bool
    /// The output formats asked for, by flag name; at most one.
    let formats: [String]

    init(_ values: ParsedValues) throws {
        file = try values[SluiceCommand.file]
        let recursive = try values[Self.recursive]
        self.recursive = recursive
        target = try values[Self.target].map { recursive ? SluiceCommand.absolute([$0])[0] : $0 }
        formats = try [Self.mermaid, Self.md, Self.dot, Self.json].filter { try values[$0] }.map(\.definition.name)
    }

    func validate() throws {
        if formats.count > 1 {
            throw ValidationError("\(formats.map { "'--\($0)'" }.joined(separator: " and ")) cannot be used together; choose one")
        }
    }

    func run(_ console: Console) throws -> ExitCode {
        let pipeline = try Workspace.locate(file: file).loadPipeline()
        var shown = Set(pipeline.stages.indices)
        if let target {
            shown = pipeline.graph.ancestors(of: recursive ? try pipeline.stages(inFolder: target) : try pipeline.stages(matching: target))
        }
        let drawing = DagDrawing(pipeline: pipeline, shown: shown)
        switch formats.first {
        case "mermaid": console.out(drawing.mermaid)
        case "md": console.out("```mermaid\n\(drawing.mermaid)\n```")
        case "dot": console.out(drawing.dot)
        case "json": console.out(JSONWriter.pretty.string(drawing.json))
        default: console.out(drawing.ascii)
        }
        return .success
    }
}
