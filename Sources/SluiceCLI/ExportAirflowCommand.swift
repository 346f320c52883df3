import Basics
import CommandLineKit
import Foundation
import PipelineExport
import Project

/// `sluice export airflow`: an Apache Airflow 3 DAG file with one task per stage.
struct ExportAirflowCommand: RunnableCommand {
    static let out = Option<String>(
        long: "out", short: "o", valueName: "path", help: "Where to write the DAG; its name is the DAG id ('-': standard output).",
        default: "dags/pipeline.py")
    static let repository = Option<String?>(
        long: "repository", valueName: "url",
        help: "The git URL or path the tasks clone, the default of the DAG param 'repository' (default: the project's git origin).")

    static let configuration = CommandConfiguration(
        name: "airflow",
        abstract: "Write an Apache Airflow 3 DAG: one BashOperator per stage, edges from the stage graph.",
        discussion: """
            Each task clones the DAG param 'repository' (at 'revision') into a fresh folder and runs \
            `sluice repro --pull -s STAGE && sluice push STAGE` there with the param 'sluice' as the \
            binary. Put the file in the DAGs folder (on MWAA, the dags/ prefix of its bucket); the \
            workers need git, sluice and the remote's credentials.
            """,
        arguments: [out, repository, ExportCommand.schedule],
        examples: ["sluice export airflow", "sluice export airflow --out dags/housing.py --schedule '17 4 * * 1'"])

    let file: String?
    let outputPath: String
    let repository: String?
    let schedule: String?

    init(_ values: ParsedValues) throws {
        file = try values[SluiceCommand.file]
        outputPath = try values[Self.out]
        repository = try values[Self.repository]
        schedule = try values[ExportCommand.schedule]
        try ExportCommand.validate(schedule: schedule, values: values)
    }

    func run(_ console: Console) throws -> ExitCode {
        let (pipeline, workspace) = try ExportCommand.load(file: file)
        let dag = AirflowDAG(
            dagID: Self.dagID(outputPath), schedule: schedule, repository: repository ?? Self.origin(root: workspace.root) ?? "",
            pipelineFile: ExportCommand.pipelineFile(file, workspace: workspace))
        return try ExportCommand.write(dag.render(pipeline), to: outputPath, what: "\(pipeline.stages.count) tasks", console: console)
    }

    /// The DAG id: the file's name without `.py`, in the characters Airflow takes.
    static func dagID(_ path: String) -> String {
        var name = path == AtomicFile.standardOutputPath ? "pipeline" : String(path.split(separator: "/").last ?? "pipeline")
        if name.hasSuffix(".py") { name.removeLast(3) }
        let id = String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) ? $0 : "_" })
        return id.isEmpty ? "pipeline" : id
    }

    /// The URL of the git remote `origin` of the repository at `root`, when it has one.
    static func origin(root: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", root, "remote", "get-url", "origin"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let url = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return process.terminationStatus == 0 && !url.isEmpty ? url : nil
    }
}
