import Basics
import CommandLineKit
import Experiments
import Project

/// `sluice exp gc`: remove failed experiments and leftover temporary copies.
struct ExpGcCommand: RunnableCommand {
    static let keepFailed = Flag(long: "keep-failed", help: "Keep failed and killed experiments' records.")
    static let dry = Flag(long: "dry", help: "List what would be removed; remove nothing.")

    static let configuration = CommandConfiguration(
        name: "gc",
        abstract: "Remove failed and killed experiments and temporary copies no running experiment uses.",
        discussion: """
            Finished experiments are kept (remove them with 'sluice exp remove'); 'sluice gc' \
            keeps the cache objects every kept experiment needs to be applied, and frees the \
            rest.
            """,
        arguments: [keepFailed, dry],
        examples: ["sluice exp gc", "sluice exp gc --dry"])

    let file: String?
    let keepFailed: Bool
    let dryRun: Bool

    init(_ values: ParsedValues) throws {
        file = try values[SluiceCommand.file]
        keepFailed = try values[Self.keepFailed]
        dryRun = try values[Self.dry]
    }

    func run(_ console: Console) throws -> ExitCode {
        let store = ExperimentStore(workspace: try Workspace.locate(file: file))
        let garbage = try store.collect(keepFailed: keepFailed, dryRun: dryRun)
        let verb = dryRun ? "Would remove" : "Removed"
        for name in garbage.experiments { console.out("\(verb) experiment \(name)") }
        for name in garbage.copies { console.out("\(verb) temporary copy .sluice/tmp/exps/\(name)") }
        console.out("\(verb) \(garbage.experiments.count) experiments and \(garbage.copies.count) temporary copies.")
        return .success
    }
}
