import Basics
import CommandLineKit
import Experiments
import Project

/// `sluice exp remove NAME… | --all`.
struct ExpRemoveCommand: RunnableCommand {
    static let names = Positional<[String]>("names", help: "The experiments to remove.", optional: true)
    static let all = Flag(long: "all", help: "Remove every experiment.")

    static let configuration = CommandConfiguration(
        name: "remove",
        abstract: "Delete experiments' records from runs/.",
        discussion: "The cache objects only they used are freed by the next 'sluice gc'.",
        arguments: [names, all],
        aliases: ["rm"],
        examples: ["sluice exp remove exp-1a2b3c4", "sluice exp remove --all"])

    let file: String?
    let names: [String]
    let all: Bool

    init(_ values: ParsedValues) throws {
        file = try values[SluiceCommand.file]
        names = try values[Self.names]
        all = try values[Self.all]
    }

    func run(_ console: Console) throws -> ExitCode {
        if all == !names.isEmpty {
            throw Diagnostic.error(all ? "--all removes every experiment: name none beside it" : "no experiment named",
                                   hint: "name the experiments to remove (sluice exp show lists them), or give --all")
        }
        let store = ExperimentStore(workspace: try Workspace.locate(file: file))
        let doomed = all ? store.experiments().experiments : try store.named(names)
        try store.remove(doomed)
        for experiment in doomed { console.out("Removed \(experiment.name) (run \(experiment.run.id))") }
        if doomed.isEmpty { console.out("No experiments to remove.") }
        return .success
    }
}
