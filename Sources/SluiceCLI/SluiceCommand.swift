import Basics
import CommandLineKit
import Foundation

/// The root command: `sluice`.
struct SluiceCommand: ParsableCommand {
    /// `--file`/`-f`, which every command below the root accepts and reads as `values[SluiceCommand.file]`.
    static let file = Option<String?>(
        long: "file", short: "f", valueName: "path",
        help: "Use this pipeline file alone (default: the project's pipeline.yaml files, else its dvc.yaml files).",
        inherited: true)

    /// `--recursive`/`-R`, which `dag`, `status` and `repro` accept: their targets are folders.
    static func recursive(_ what: String) -> Flag {
        Flag(long: "recursive", short: "R", help: "The targets are folders: \(what) every stage of the pipeline files in them and below.")
    }

    /// `paths` (relative to the current folder unless absolute) as absolute paths, for `-R` folders.
    static func absolute(_ paths: [String]) -> [String] {
        let cwd = FileManager.default.currentDirectoryPath
        return paths.map { $0.hasPrefix("/") ? $0 : cwd + "/" + $0 }
    }

    static let configuration = CommandConfiguration(
        name: "sluice",
        abstract: "Run only the pipeline stages whose inputs changed.",
        discussion: """
            sluice reads pipeline.yaml (the dvc.yaml stage schema) and params.yaml, runs the \
            stages whose dependencies, parameters or commands changed, and records what it did \
            in pipeline.lock.
            """,
        version: SluiceVersion.current,
        subcommands: [
            ReproCommand.self, StatusCommand.self, DagCommand.self, CheckoutCommand.self, GcCommand.self, CacheCommand.self,
            ParamsCommand.self, MLCommand.self,
            MetricsCommand.self, RunsCommand.self, PlotsCommand.self, ExpCommand.self, RemoteCommand.self, PushCommand.self, PullCommand.self, FetchCommand.self,
            ExportCommand.self,
        ],
        arguments: [file],
        examples: ["sluice repro", "sluice status", "sluice params show train"])

    init(_ values: ParsedValues) throws {}
}
