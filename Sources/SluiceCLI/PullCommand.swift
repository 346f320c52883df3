import CommandLineKit
import PipelineEngine
import Project

/// `sluice pull`: fetch, then check the outputs out into the workspace.
struct PullCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        name: "pull", abstract: "Download the outputs the lock files record and restore them in the workspace.",
        discussion: "'sluice fetch' followed by 'sluice checkout' of the same targets (with --run-cache, the run-cache entries are fetched too).",
        arguments: TransferOptions.arguments, examples: ["sluice pull", "sluice pull evaluate -r storage"])

    let options: TransferOptions.Values

    init(_ values: ParsedValues) throws { options = try TransferOptions.Values(values) }

    func run(_ console: Console) throws -> ExitCode {
        let targets = options.targets
        let (sync, summary) = try TransferOptions.transfer(
            options, verb: "fetching", console: console, { try $0.fetch(targets: targets, progress: $1) },
            runCache: { try $0.fetchRunCache(targets: targets) })
        let workspace = sync.workspace
        let fetched = TransferOptions.report(summary, verb: "Fetched", console: console)
        let checkout = Checkout(pipeline: try workspace.loadPipeline(), locks: try workspace.loadLocks(),
                                fingerprinter: workspace.fingerprinter(), cache: try workspace.cacheStore())
        let report = try checkout.run(targets: options.targets)
        for path in report.restored { console.out("restored  \(path)") }
        for path in report.missing { console.err("error: '\(path)' is in neither the cache nor the remote; run 'sluice repro' to rebuild it") }
        return fetched == .success && report.missing.isEmpty ? .success : .failure
    }
}
