import CommandLineKit
import Project

/// `sluice remote`: the places the content cache is shared through.
struct RemoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "remote", abstract: "Add, list, modify and remove the remotes the cache is shared through.",
        discussion: """
            Remotes live in sluice.yaml at the project root (commit it: the team shares them), or \
            with --local in .sluice/config.yaml (this machine only, over sluice.yaml). A URL is \
            s3://BUCKET/PREFIX, file:///PATH or a directory. Credentials never go in either file: \
            S3 requests are signed with AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or a profile of \
            ~/.aws/credentials.
            """,
        subcommands: [RemoteAddCommand.self, RemoteListCommand.self, RemoteModifyCommand.self, RemoteDefaultCommand.self, RemoteRemoveCommand.self])

    /// The `<name>` argument of the commands about one remote.
    static let name = Positional<String>("name", help: "The remote's name.")
    /// `--local`: the machine's own settings file.
    static let local = Flag(long: "local", help: "Change .sluice/config.yaml (this machine) instead of sluice.yaml.")

    init(_ values: ParsedValues) throws {}

    /// Applies `change` in the project `file` belongs to.
    static func apply(_ change: RemoteSettings.Change, file: String?, local: Bool) throws {
        let workspace = try Workspace.locate(file: file)
        try RemoteSettings.apply(change, root: workspace.root, local: local)
    }
}
