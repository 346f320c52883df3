import CommandLineKit
import Project

/// `sluice push`: upload the outputs the lock files record to a remote.
struct PushCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        name: "push", abstract: "Upload the cached outputs the lock files record to a remote.",
        discussion: """
            Exactly the objects pipeline.lock records for the targets' cached outputs (a directory \
            with its files) are sent; those the remote has are skipped after one listing of it.
            """,
        arguments: TransferOptions.arguments,
        examples: ["sluice push", "sluice push train -r storage -j 32"])

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
        return TransferOptions.report(try sync.push(targets: targets), verb: "Pushed", console: console)
    }
}
