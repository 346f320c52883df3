import CommandLineKit

/// `sluice push`: upload the outputs the lock files record to a remote.
struct PushCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        name: "push", abstract: "Upload the cached outputs the lock files record to a remote.",
        discussion: """
            Exactly the objects pipeline.lock records for the targets' cached outputs (a directory \
            with its files) are sent; those the remote has are skipped after one listing of it. \
            With --run-cache, the targets' run-cache entries (runs/ on the remote) and their \
            outputs' objects are sent too.
            """,
        arguments: TransferOptions.arguments,
        examples: ["sluice push", "sluice push train -r storage -j 32", "sluice push --run-cache"])

    let options: TransferOptions.Values

    init(_ values: ParsedValues) throws { options = try TransferOptions.Values(values) }

    func run(_ console: Console) throws -> ExitCode {
        let targets = options.targets
        let (_, summary) = try TransferOptions.transfer(
            options, verb: "pushing", console: console, { try $0.push(targets: targets, progress: $1) },
            runCache: { try $0.pushRunCache(targets: targets) })
        return TransferOptions.report(summary, verb: "Pushed", console: console)
    }
}
