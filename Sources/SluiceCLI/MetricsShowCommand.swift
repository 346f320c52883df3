import Basics
import CommandLineKit
import Project

/// `sluice metrics show`: the workspace's metrics files as they are now.
struct MetricsShowCommand: RunnableCommand {
    static let json = Flag(long: "json", help: "Print JSON: metrics file -> its content.")

    static let configuration = CommandConfiguration(
        name: "show",
        abstract: "Show the values in the pipeline's metrics files.",
        discussion: "The files are the stages' `metrics` outputs and the top-level `metrics` list, read as JSON or YAML.",
        arguments: [json],
        examples: ["sluice metrics show", "sluice metrics show --json"])

    let file: String?
    let json: Bool

    init(_ values: ParsedValues) throws {
        file = try values[SluiceCommand.file]
        json = try values[Self.json]
    }

    func run(_ console: Console) throws -> ExitCode {
        let pipeline = try Workspace.locate(file: file).loadPipeline()
        let (files, warnings) = WorkspaceValues.metricsByFile(of: pipeline)
        console.warn(warnings)
        if json {
            console.out(JSONWriter.pretty.string(.object(files.map { ($0.path, $0.value) })))
        } else if files.isEmpty {
            console.out("No metrics files with values (the pipeline declares \(WorkspaceValues.metricsFiles(of: pipeline).count)).")
        } else {
            var table = TextTable(header: ["Path", "Metric", "Value"])
            for file in files {
                for entry in file.value.flattened() { table.rows.append([file.path, entry.key, RunFormat.value(entry.value)]) }
            }
            console.out(table.text)
        }
        return .success
    }
}
