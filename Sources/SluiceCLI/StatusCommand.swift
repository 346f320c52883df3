import Basics
import CommandLineKit
import Project
import PipelineEngine

/// `sluice status`: which stages would run, and why.
struct StatusCommand: RunnableCommand {
    static let targets = Positional<[String]>(
        "targets", help: "Stages to check, with their upstream (default: all).", optional: true)
    static let json = Flag(long: "json", help: "Print JSON: stage name -> list of reasons.")
    static let quiet = Flag(long: "quiet", short: "q", help: "Print nothing; exit 1 when anything changed.")

    static let configuration = CommandConfiguration(
        name: "status",
        abstract: "Show which stages changed and why.",
        discussion: """
            For each stage that `sluice repro` would run: its changed dependencies, parameters \
            (old -> new), command or outputs. Stages that are stale only because an upstream \
            stage will run are listed too. Exits 0 either way, as DVC; with --quiet, prints \
            nothing and exits 1 when anything changed.
            """,
        arguments: [targets, json, quiet],
        examples: ["sluice status", "sluice status --json", "sluice status -q || sluice repro"])

    let file: String?
    let targets: [String]
    let json: Bool
    let quiet: Bool

    init(_ values: ParsedValues) throws {
        file = try values[SluiceCommand.file]
        targets = try values[Self.targets]
        json = try values[Self.json]
        quiet = try values[Self.quiet]
    }

    func run(_ console: Console) throws -> ExitCode {
        let workspace = try Workspace.locate(file: file)
        let fingerprinter = workspace.fingerprinter()
        let (pipeline, read) = try workspace.readingLock { try workspace.loadPipeline() }
        let planner = StatusPlanner(pipeline: pipeline, lock: read.lock, fingerprinter: fingerprinter)
        let stale = try planner.status(targets: targets).filter { !$0.reasons.isEmpty }
        try? fingerprinter.save()
        if quiet { return stale.isEmpty ? .success : .failure }
        if json {
            console.out(JSONWriter.pretty.string(.object(stale.map { (key: $0.stage, value: .array($0.reasons.map(\.json))) })))
        } else if stale.isEmpty {
            console.out("Data and pipelines are up to date.")
        } else {
            for entry in stale {
                console.out("\(entry.stage):")
                for reason in entry.reasons { console.out("    \(reason.summary)") }
            }
        }
        return .success
    }
}
