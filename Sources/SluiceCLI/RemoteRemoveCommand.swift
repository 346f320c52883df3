import CommandLineKit

/// `sluice remote remove`: forget a remote (its objects stay where they are).
struct RemoteRemoveCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        name: "remove", abstract: "Remove a remote from the settings (nothing in it is deleted).", arguments: [RemoteCommand.name, RemoteCommand.local])

    let file: String?, name: String, local: Bool

    init(_ values: ParsedValues) throws {
        file = try values[SluiceCommand.file]
        name = try values[RemoteCommand.name]
        local = try values[RemoteCommand.local]
    }

    func run(_ console: Console) throws -> ExitCode {
        try RemoteCommand.apply(.remove(name: name), file: file, local: local)
        console.out("Removed remote '\(name)'")
        return .success
    }
}
