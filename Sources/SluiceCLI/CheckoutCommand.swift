import Basics
import CommandLineKit
import Project
import PipelineEngine

/// `sluice checkout`: make the workspace's outputs match the lock file, from the cache.
struct CheckoutCommand: RunnableCommand {
    static let targets = Positional<[String]>(
        "targets", help: "Stages whose outputs to restore (default: all).", optional: true)
    static let json = Flag(long: "json", help: "Print what was restored and what is missing as JSON.")

    static let configuration = CommandConfiguration(
        name: "checkout",
        abstract: "Restore outputs recorded in the lock file from the cache.",
        discussion: """
            Use it after checking out an older lock file with git, or after deleting or \
            editing outputs. Outputs that already match are left alone; outputs whose \
            recorded version is not in the cache are reported (exit 1).
            """,
        arguments: [targets, json],
        examples: ["git checkout HEAD~1 pipeline.lock && sluice checkout"])

    let file: String?
    let targets: [String]
    let json: Bool

    init(_ values: ParsedValues) throws {
        file = try values[SluiceCommand.file]
        targets = try values[Self.targets]
        json = try values[Self.json]
    }

    func run(_ console: Console) throws -> ExitCode {
        let workspace = try Workspace.locate(file: file)
        let checkout = Checkout(pipeline: try workspace.loadPipeline(), locks: try workspace.loadLocks(),
                                fingerprinter: workspace.fingerprinter(), cache: try workspace.cacheStore())
        let report = try checkout.run(targets: targets)
        if json {
            console.out(JSONWriter.pretty.string(report.json))
        } else {
            for path in report.restored { console.out("restored  \(path)") }
            for path in report.missing { console.err("error: '\(path)' is not in the cache; run 'sluice repro' to rebuild it") }
            if report.restored.isEmpty && report.missing.isEmpty { console.out("Workspace matches \(workspace.lockFiles.joined(separator: ", ")).") }
        }
        return report.missing.isEmpty ? .success : .failure
    }
}
