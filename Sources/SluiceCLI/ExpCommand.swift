import CommandLineKit

/// `sluice exp`: experiments, each a reproduction with some params overridden.
struct ExpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "exp", abstract: "Run, compare, apply and remove experiments: reproductions with params overridden.",
        discussion: """
            An experiment reproduces the pipeline in a temporary copy of the workspace with \
            some params changed (-S key=value), sharing the project's cache and run-cache, and \
            is recorded as a named run in runs/. The workspace is left as it was until \
            'sluice exp apply'. Several values (choice, range, a,b) make a sweep: one \
            experiment per point, -j at a time.
            """,
        subcommands: [ExpRunCommand.self, ExpShowCommand.self, ExpApplyCommand.self, ExpRemoveCommand.self, ExpGcCommand.self])

    init(_ values: ParsedValues) throws {}
}
