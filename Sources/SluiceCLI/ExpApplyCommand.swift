import Basics
import CommandLineKit
import Experiments
import Project

/// `sluice exp apply NAME`: make the workspace what the experiment ended with.
struct ExpApplyCommand: RunnableCommand {
    static let experiment = Positional<String>("name", help: "The experiment (its name, or its run id).")

    static let configuration = CommandConfiguration(
        name: "apply",
        abstract: "Bring an experiment's params, lock file and outputs into the workspace, without running anything.",
        discussion: """
            Writes the params and lock files the experiment ended with and checks its outputs \
            out of the cache (also those declared cache: false, which experiments keep there), \
            so 'sluice status' then says every stage is up to date.
            """,
        arguments: [experiment],
        examples: ["sluice exp apply exp-1a2b3c4"])

    let file: String?
    let name: String

    init(_ values: ParsedValues) throws {
        file = try values[SluiceCommand.file]
        name = try values[Self.experiment]
    }

    func run(_ console: Console) throws -> ExitCode {
        let workspace = try Workspace.locate(file: file)
        guard let experiment = try ExperimentStore(workspace: workspace).named([name]).first else { return .failure }
        guard experiment.run.status == .finished else {
            throw Diagnostic.error("experiment '\(experiment.name)' \(experiment.run.status.rawValue); only a finished experiment can be applied",
                                   hint: "'sluice exp show' lists the finished ones")
        }
        let outcome = try ExperimentApplier(workspace: workspace).apply(experiment)
        console.out("Applied \(experiment.name): wrote \(outcome.files.joined(separator: ", ")); restored \(outcome.checkout.restored.count) outputs from the cache.")
        if !outcome.checkout.missing.isEmpty {
            console.warn(["not in the cache (run 'sluice repro' to rebuild): " + outcome.checkout.missing.joined(separator: ", ")])
            return .failure
        }
        return .success
    }
}
