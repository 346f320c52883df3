import CommandLineKit

/// `sluice fetch`: download the outputs the lock files record into the cache.
struct FetchCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        name: "fetch", abstract: "Download the cached outputs the lock files record into the local cache.",
        discussion: "The workspace is not touched; 'sluice pull' also checks the outputs out.",
        arguments: TransferOptions.arguments, examples: ["sluice fetch", "sluice fetch -r storage"])

    let options: TransferOptions.Values

    init(_ values: ParsedValues) throws { options = try TransferOptions.Values(values) }

    func run(_ console: Console) throws -> ExitCode {
        let line = TransferProgressLine.make("fetching", console: console)
        defer { line?.clear() }
        let summary = try options.sync().fetch(targets: options.targets) { line?.show($0) }
        line?.clear()
        return TransferOptions.report(summary, verb: "Fetched", console: console)
    }
}
