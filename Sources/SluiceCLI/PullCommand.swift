import CommandLineKit
import PipelineEngine
import Project

/// `sluice pull`: fetch, then check the outputs out into the workspace.
struct PullCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        name: "pull", abstract: "Download the outputs the lock files record and restore them in the workspace.",
        discussion: "'sluice fetch' followed by 'sluice checkout' of the same targets.",
        arguments: TransferOptions.arguments, examples: ["sluice pull", "sluice pull evaluate -r storage"])

    let options: TransferOptions.Values

    init(_ values: ParsedValues) throws { options = try TransferOptions.Values(values) }

    func run(_ console: Console) throws -> ExitCode {
        let sync = try options.sync(), workspace = sync.workspace
        let line = TransferProgressLine.make("fetching", console: console)
        defer { line?.clear() }
        let summary = try sync.fetch(targets: options.targets) { line?.show($0) }
        line?.clear()
        let fetched = TransferOptions.report(summary, verb: "Fetched", console: console)
        let checkout = Checkout(pipeline: try workspace.loadPipeline(), locks: try workspace.loadLocks(),
                                fingerprinter: workspace.fingerprinter(), cache: try workspace.cacheStore())
        let report = try checkout.run(targets: options.targets)
        for path in report.restored { console.out("restored  \(path)") }
        for path in report.missing { console.err("error: '\(path)' is in neither the cache nor the remote; run 'sluice repro' to rebuild it") }
        return fetched == .success && report.missing.isEmpty ? .success : .failure
    }
}
