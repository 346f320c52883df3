import CommandLineKit

/// `sluice params`: a group for the params subcommands.
struct ParamsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "params", abstract: "Show parameters.", subcommands: [ParamsShowCommand.self])

    init(_ values: ParsedValues) throws {}
}
