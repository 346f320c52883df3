import CommandLineKit

/// `sluice fetch`: download the outputs the lock files record into the cache.
struct FetchCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        name: "fetch", abstract: "Download the cached outputs the lock files record into the local cache.",
        discussion: "The workspace is not touched; 'sluice pull' also checks the outputs out. With --run-cache, the targets' run-cache entries and their outputs' objects come too.",
        arguments: TransferOptions.arguments, examples: ["sluice fetch", "sluice fetch -r storage"])

    let options: TransferOptions.Values

    init(_ values: ParsedValues) throws { options = try TransferOptions.Values(values) }

    func run(_ console: Console) throws -> ExitCode {
        let targets = options.targets
        let (_, summary) = try TransferOptions.transfer(
            options, verb: "fetching", console: console, { try $0.fetch(targets: targets, progress: $1) },
            runCache: { try $0.fetchRunCache(targets: targets) })
        return TransferOptions.report(summary, verb: "Fetched", console: console)
    }
}
