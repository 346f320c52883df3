import CommandLineKit

/// `sluice params`: a group for the params subcommands.
struct ParamsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "params", abstract: "Show parameters, or compare them with a recorded run.", subcommands: [ParamsShowCommand.self, ParamsDiffCommand.self])

    init(_ values: ParsedValues) throws {}
}
