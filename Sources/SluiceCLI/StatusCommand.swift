import Basics
import Foundation
import CommandLineKit
import Project
import PipelineEngine

/// `sluice status`: which stages would run, and why.
struct StatusCommand: RunnableCommand {
    static let targets = Positional<[String]>(
        "targets", help: "Stages to check, with their upstream (default: all).", optional: true)
    static let json = Flag(long: "json", help: "Print JSON: stage name -> list of reasons.")
    static let quiet = Flag(long: "quiet", short: "q", help: "Print nothing; exit 1 when anything changed.")
    static let recursive = SluiceCommand.recursive("check")
    static let cloud = Flag(
        long: "cloud", short: "c", help: "Compare the local cache with the remote instead: outputs missing on either side.")
    static let remote = Option<String?>(
        long: "remote", short: "r", valueName: "name", help: "The remote for --cloud (default: the default remote).")

    static let configuration = CommandConfiguration(
        name: "status",
        abstract: "Show which stages changed and why.",
        discussion: """
            For each stage that `sluice repro` would run: its changed dependencies, parameters \
            (old -> new), command or outputs. Stages that are stale only because an upstream \
            stage will run are listed too, and so are stages that repro would refuse: a \
            dependency that does not exist and that no stage writes, or a params file that \
            does not exist. Changes to dependencies outside the project root are marked \
            (external). Exits 0 either way, as DVC; with --quiet, prints nothing and exits 1 \
            when anything changed. A target is a stage's address (sub/pipeline.yaml:train), \
            its name where unique, or a pipeline file. With --cloud, for the targets' cached \
            outputs as the lock files record them (not their upstream, as push): 'new' (only in \
            the local cache: push sends it), 'deleted' (only on the remote: fetch brings it) or \
            'missing' (on neither side), as 'dvc status -c'; --json maps each path to its state.
            """,
        arguments: [targets, json, quiet, recursive, cloud, remote],
        examples: ["sluice status", "sluice status --json", "sluice status -q || sluice repro", "sluice status -R pipelines",
                   "sluice status -c -r storage"])

    let file: String?
    let targets: [String]
    let json: Bool
    let quiet: Bool
    let recursive: Bool
    let cloud: Bool
    let remote: String?

    init(_ values: ParsedValues) throws {
        file = try values[SluiceCommand.file]
        recursive = try values[Self.recursive]
        targets = recursive ? SluiceCommand.absolute(try values[Self.targets]) : try values[Self.targets]
        json = try values[Self.json]
        quiet = try values[Self.quiet]
        cloud = try values[Self.cloud]
        remote = try values[Self.remote]
        if remote != nil && !cloud { throw ValidationError("'--remote' names the remote of '--cloud'; add '--cloud'") }
        if cloud && recursive { throw ValidationError("'--cloud' and '--recursive' cannot be used together; name the stages") }
    }

    func run(_ console: Console) throws -> ExitCode {
        let workspace = try Workspace.locate(file: file)
        if cloud { return try runCloud(workspace, console) }
        let fingerprinter = workspace.fingerprinter()
        let (pipeline, read) = try workspace.readingLocks { try workspace.loadPipeline() }
        let planner = StatusPlanner(pipeline: pipeline, locks: read.locks, fingerprinter: fingerprinter)
        let stale = try planner.status(targets: targets, recursive: recursive).filter { !$0.reasons.isEmpty }
        try? fingerprinter.save()
        if quiet { return stale.isEmpty ? .success : .failure }
        if json {
            console.out(JSONWriter.pretty.string(.object(stale.map { entry in
                (key: entry.stage, value: .array(entry.reasons.map { Self.json($0, external: entry.isExternal($0)) }))
            })))
        } else if stale.isEmpty {
            console.out("Data and pipelines are up to date.")
        } else {
            for entry in stale {
                console.out("\(entry.stage):")
                for reason in entry.reasons { console.out("    \(reason.summary)\(entry.isExternal(reason) ? " (external)" : "")") }
            }
        }
        return .success
    }

    /// `status --cloud`: the outputs not on both sides, DVC's way.
    private func runCloud(_ workspace: Workspace, _ console: Console) throws -> ExitCode {
        let sync = try RemoteSync(workspace: workspace, remote: remote, jobs: 16)
        let states = try sync.cloudStatus(targets: targets)
        if quiet { return states.isEmpty ? .success : .failure }
        if json {
            console.out(JSONWriter.pretty.string(.object(states.map { (key: $0.path, value: .string($0.state.rawValue)) })))
        } else if states.isEmpty {
            console.out("Cache and remote '\(sync.definition.name)' are in sync.")
        } else {
            for (path, state) in states {
                console.out("\t" + (state.rawValue + ":").padding(toLength: 10, withPad: " ", startingAt: 0) + path)
            }
        }
        return .success
    }

    /// A reason as JSON, with `"external": true` when it names a dependency outside the project root.
    private static func json(_ reason: StaleReason, external: Bool) -> JSONValue {
        guard external, case .object(let members) = reason.json else { return reason.json }
        return .object(members + [(key: "external", value: .bool(true))])
    }
}
