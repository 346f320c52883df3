import CommandLineKit

/// `sluice remote default`: which remote push and pull use without -r.
struct RemoteDefaultCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        name: "default", abstract: "Make a remote the one push and pull use without -r.", arguments: [RemoteCommand.name, RemoteCommand.local])

    let file: String?, name: String, local: Bool

    init(_ values: ParsedValues) throws {
        file = try values[SluiceCommand.file]
        name = try values[RemoteCommand.name]
        local = try values[RemoteCommand.local]
    }

    func run(_ console: Console) throws -> ExitCode {
        try RemoteCommand.apply(.makeDefault(name: name), file: file, local: local)
        console.out("'\(name)' is the default remote")
        return .success
    }
}
