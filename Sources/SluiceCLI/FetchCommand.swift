import CommandLineKit
import Project

/// `sluice fetch`: download the outputs the lock files record into the cache.
struct FetchCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        name: "fetch", abstract: "Download the cached outputs the lock files record into the local cache.",
        discussion: "The workspace is not touched; 'sluice pull' also checks the outputs out.",
        arguments: TransferOptions.arguments, examples: ["sluice fetch", "sluice fetch -r storage"])

    let file: String?, targets: [String], remote: String?, jobs: Int

    init(_ values: ParsedValues) throws {
        file = try values[SluiceCommand.file]
        targets = try values[TransferOptions.targets]
        remote = try values[TransferOptions.remote]
        jobs = try values[TransferOptions.jobs]
        if jobs < 1 { throw values.invalidValue(TransferOptions.jobs, "expected a positive integer") }
    }

    func run(_ console: Console) throws -> ExitCode {
        let sync = try RemoteSync(workspace: try Workspace.locate(file: file), remote: remote, jobs: jobs)
        return TransferOptions.report(try sync.fetch(targets: targets), verb: "Fetched", console: console)
    }
}
