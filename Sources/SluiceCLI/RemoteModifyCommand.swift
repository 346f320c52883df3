import Basics
import CommandLineKit
import Remote

/// `sluice remote modify`: one option of a remote.
struct RemoteModifyCommand: RunnableCommand {
    static let option = Positional<String>(
        "option", help: "One of: " + RemoteDefinition.options.map { "\($0.name) (\($0.help))" }.joined(separator: "; ") + ".")
    static let value = Positional<String?>("value", help: "The new value (omit with --unset).")
    static let unset = Flag(long: "unset", help: "Remove the option instead of setting it.")

    static let configuration = CommandConfiguration(
        name: "modify", abstract: "Set or unset one option of a remote.",
        arguments: [RemoteCommand.name, option, value, unset, RemoteCommand.local],
        examples: ["sluice remote modify storage endpointurl http://127.0.0.1:5000", "sluice remote modify storage profile --unset"])

    let file: String?, name: String, option: String, value: String?, unset: Bool, local: Bool

    init(_ values: ParsedValues) throws {
        file = try values[SluiceCommand.file]
        name = try values[RemoteCommand.name]
        option = try values[Self.option]
        value = try values[Self.value]
        unset = try values[Self.unset]
        local = try values[RemoteCommand.local]
    }

    func run(_ console: Console) throws -> ExitCode {
        if unset == (value != nil) {
            throw Diagnostic.error(unset ? "give a value or --unset, not both" : "give the new value of \(option), or --unset to remove it",
                                   hint: "sluice remote modify \(name) \(option) VALUE")
        }
        try RemoteCommand.apply(.modify(name: name, option: option, value: value), file: file, local: local)
        console.out(value.map { "Set \(option) of remote '\(name)' to \($0)" } ?? "Unset \(option) of remote '\(name)'")
        return .success
    }
}
