import CommandLineKit
import PipelineExport

/// `sluice export github-actions`: a workflow with one job per stage.
struct ExportGitHubActionsCommand: RunnableCommand {
    static let out = Option<String>(
        long: "out", short: "o", valueName: "path", help: "Where to write the workflow ('-': standard output).",
        default: ".github/workflows/pipeline.yml")

    static let configuration = CommandConfiguration(
        name: "github-actions",
        abstract: "Write a GitHub Actions workflow: one job per stage, needs: from the stage graph.",
        discussion: """
            A first job builds sluice as retrain.yml does (the swift:6.3-noble container); each stage's \
            job checks out the repository, installs that binary and runs `sluice repro --pull -s STAGE` \
            and `sluice push STAGE` against the default remote, with the repository secrets \
            AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY. It runs when started by hand, and on --schedule.
            """,
        arguments: [out, ExportCommand.schedule],
        examples: ["sluice export github-actions", "sluice export github-actions --schedule '17 4 * * 1'"])

    let file: String?
    let outputPath: String
    let schedule: String?

    init(_ values: ParsedValues) throws {
        file = try values[SluiceCommand.file]
        outputPath = try values[Self.out]
        schedule = try values[ExportCommand.schedule]
        try ExportCommand.validate(schedule: schedule, values: values)
    }

    func run(_ console: Console) throws -> ExitCode {
        let (pipeline, workspace) = try ExportCommand.load(file: file)
        let workflow = GitHubActionsWorkflow(schedule: schedule, pipelineFile: ExportCommand.pipelineFile(file, workspace: workspace))
        return try ExportCommand.write(workflow.render(pipeline), to: outputPath, what: "\(pipeline.stages.count) stage jobs", console: console)
    }
}
