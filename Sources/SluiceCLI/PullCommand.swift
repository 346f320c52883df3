import CommandLineKit
import PipelineEngine
import Project

/// `sluice pull`: fetch, then check the outputs out into the workspace.
struct PullCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        name: "pull", abstract: "Download the outputs the lock files record and restore them in the workspace.",
        discussion: "'sluice fetch' followed by 'sluice checkout' of the same targets.",
        arguments: TransferOptions.arguments, examples: ["sluice pull", "sluice pull evaluate -r storage"])

    let file: String?, targets: [String], remote: String?, jobs: Int

    init(_ values: ParsedValues) throws {
        file = try values[SluiceCommand.file]
        targets = try values[TransferOptions.targets]
        remote = try values[TransferOptions.remote]
        jobs = try values[TransferOptions.jobs]
        if jobs < 1 { throw values.invalidValue(TransferOptions.jobs, "expected a positive integer") }
    }

    func run(_ console: Console) throws -> ExitCode {
        let workspace = try Workspace.locate(file: file)
        let fetched = TransferOptions.report(try RemoteSync(workspace: workspace, remote: remote, jobs: jobs).fetch(targets: targets),
                                             verb: "Fetched", console: console)
        let checkout = Checkout(pipeline: try workspace.loadPipeline(), locks: try workspace.loadLocks(),
                                fingerprinter: workspace.fingerprinter(), cache: try workspace.cacheStore())
        let report = try checkout.run(targets: targets)
        for path in report.restored { console.out("restored  \(path)") }
        for path in report.missing { console.err("error: '\(path)' is in neither the cache nor the remote; run 'sluice repro' to rebuild it") }
        return fetched == .success && report.missing.isEmpty ? .success : .failure
    }
}
