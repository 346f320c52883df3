import Basics
import CommandLineKit
import Project
import RunStore

/// `sluice runs gc --keep N`: delete all but the newest runs.
struct RunsGcCommand: RunnableCommand {
    static let keep = Option<Int>(long: "keep", valueName: "n", help: "How many of the newest runs to keep.")
    static let dry = Flag(long: "dry", help: "Print what would be deleted; delete nothing.")

    static let configuration = CommandConfiguration(
        name: "gc",
        abstract: "Delete all but the newest runs.",
        discussion: "A run that is still going is never deleted.",
        arguments: [keep, dry],
        examples: ["sluice runs gc --keep 20", "sluice runs gc --keep 0 --dry"])

    let file: String?
    let keep: Int
    let dryRun: Bool

    init(_ values: ParsedValues) throws {
        file = try values[SluiceCommand.file]
        keep = try values[Self.keep]
        guard keep >= 0 else { throw values.invalidValue(Self.keep, "expected a whole number, 0 or more") }
        dryRun = try values[Self.dry]
    }

    func run(_ console: Console) throws -> ExitCode {
        let workspace = try Workspace.locate(file: file)
        let result = try RunStore(directory: workspace.runsDirectory).collect(keep: keep, dryRun: dryRun)
        for id in result.removed { console.out((dryRun ? "Would remove " : "Removed ") + id) }
        for id in result.stillRunning { console.err("Kept \(id): it is still running") }
        console.out("\(dryRun ? "Would remove" : "Removed") \(result.removed.count) run\(result.removed.count == 1 ? "" : "s"), kept \(result.kept.count + result.stillRunning.count).")
        return .success
    }
}
