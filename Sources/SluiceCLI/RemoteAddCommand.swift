import CommandLineKit

/// `sluice remote add`: a new remote.
struct RemoteAddCommand: RunnableCommand {
    static let url = Positional<String>("url", help: "s3://BUCKET/PREFIX, file:///PATH or a directory.")
    static let makeDefault = Flag(long: "default", short: "d", help: "Also make it the default remote.")

    static let configuration = CommandConfiguration(
        name: "add", abstract: "Add a remote.",
        arguments: [RemoteCommand.name, url, makeDefault, RemoteCommand.local],
        examples: ["sluice remote add -d storage s3://team-bucket/cache", "sluice remote add shared /mnt/shared/cache"])

    let file: String?, name: String, url: String, makeDefault: Bool, local: Bool

    init(_ values: ParsedValues) throws {
        file = try values[SluiceCommand.file]
        name = try values[RemoteCommand.name]
        url = try values[Self.url]
        makeDefault = try values[Self.makeDefault]
        local = try values[RemoteCommand.local]
    }

    func run(_ console: Console) throws -> ExitCode {
        try RemoteCommand.apply(.add(name: name, url: url, makeDefault: makeDefault), file: file, local: local)
        console.out("Added remote '\(name)' (\(url))" + (makeDefault ? " as the default" : ""))
        return .success
    }
}
