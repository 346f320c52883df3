import Basics
import CommandLineKit
import Dispatch
import Foundation
import PipelineEngine
import Project

/// `sluice repro`: run the stages whose inputs changed.
struct ReproCommand: RunnableCommand {
    static let targets = Positional<[String]>(
        "targets", help: "Stages to reproduce, with their upstream (default: all).", optional: true)
    static let force = Flag(long: "force", help: "Run the selected stages even when they are up to date.")
    static let downstream = Flag(long: "downstream", help: "Run the targets and the stages downstream of them.")
    static let dry = Flag(long: "dry", help: "Print what would run and why; run nothing.")
    static let keepGoing = Flag(
        long: "keep-going", short: "k", help: "After a failure, go on with stages that do not depend on it.")
    static let jobs = Option<Int?>(
        long: "jobs", short: "j", valueName: "n", help: "How many stages may run at once (default: cores).")
    static let noRunCache = Flag(
        long: "no-run-cache", help: "Run changed stages even when an earlier run with the same inputs is cached.")
    static let json = Flag(
        long: "json", help: "Print the report (executed, skipped, failed stages and reasons) as JSON.")
    static let noRun = Flag(long: "no-run", help: "Do not record this repro in runs/ (stage logs go to .sluice/logs/).")
    static let name = Option<String?>(long: "name", valueName: "name", help: "A name for the recorded run.")
    static let recursive = SluiceCommand.recursive("reproduce")
    static let singleItem = Flag(
        long: "single-item", short: "s", help: "Run only the targets (if stale), without their upstream stages.")
    static let pull = Flag(
        long: "pull", help: "First fetch the selected stages' missing outputs, dependencies and run-cache entries from the remote.")
    static let remote = Option<String?>(
        long: "remote", short: "r", valueName: "name", help: "The remote for --pull (default: the default remote).")

    static let configuration = CommandConfiguration(
        name: "repro",
        abstract: "Run the stages whose dependencies, parameters or commands changed.",
        discussion: """
            Stages run in dependency order; independent stages run in parallel (-j). A stage \
            that re-runs and writes byte-identical outputs leaves its downstream up to date. \
            Each success is recorded in the lock file at once, so an interrupted repro keeps \
            its finished work. A repro that runs or restores a stage is recorded in runs/<id>/ \
            (see 'sluice runs'); stages find the run's folder in SLUICE_RUN_DIR. A target is a \
            stage's address (sub/pipeline.yaml:train), its name where unique, or a pipeline file; \
            with -R, a folder. With -s, only the targets are considered: a stale upstream stage \
            is neither run nor a reason, and a missing dependency fails the stage. With --pull, \
            the objects of the selected stages' recorded outputs and missing dependencies are \
            fetched from the remote and the missing dependencies checked out first; a stale \
            stage's run-cache entry is fetched too (unless --no-run-cache), so that what ran \
            elsewhere is restored instead of run ('sluice repro --pull -s STAGE && sluice push \
            STAGE' runs one stage on any machine). --dry pulls nothing.
            """,
        arguments: [targets, force, downstream, dry, keepGoing, jobs, noRunCache, json, noRun, name, recursive, singleItem, pull, remote],
        examples: ["sluice repro", "sluice repro train", "sluice repro --dry", "sluice repro -j 4 --keep-going", "sluice repro --name baseline",
                   "sluice repro sub/pipeline.yaml:train", "sluice repro -R sub", "sluice repro --pull -s train"])

    let file: String?
    let options: ReproOptions
    let json: Bool
    let useRunCache: Bool
    let recordRun: Bool
    let runName: String?
    let pull: Bool
    let remote: String?

    init(_ values: ParsedValues) throws {
        file = try values[SluiceCommand.file]
        var options = ReproOptions()
        options.recursive = try values[Self.recursive]
        options.targets = options.recursive ? SluiceCommand.absolute(try values[Self.targets]) : try values[Self.targets]
        options.force = try values[Self.force]
        options.downstream = try values[Self.downstream]
        options.dryRun = try values[Self.dry]
        options.keepGoing = try values[Self.keepGoing]
        options.jobs = try values[Self.jobs] ?? ProcessInfo.processInfo.activeProcessorCount
        guard options.jobs >= 1 else { throw values.invalidValue(Self.jobs, "expected a positive integer") }
        options.singleItem = try values[Self.singleItem]
        if options.singleItem && options.targets.isEmpty {
            throw ValidationError("'--single-item' needs the stage to run, e.g. 'sluice repro -s train'")
        }
        if options.singleItem && options.downstream {
            throw ValidationError("'--single-item' and '--downstream' cannot be used together; choose one")
        }
        pull = try values[Self.pull]
        remote = try values[Self.remote]
        if remote != nil && !pull { throw ValidationError("'--remote' names the remote of '--pull'; add '--pull'") }
        self.options = options
        json = try values[Self.json]
        useRunCache = try !values[Self.noRunCache]
        recordRun = try !values[Self.noRun]
        runName = try values[Self.name]
        if runName?.isEmpty == true { throw values.invalidValue(Self.name, "a run name cannot be empty") }
    }

    func run(_ console: Console) throws -> ExitCode {
        let workspace = try Workspace.locate(file: file)
        var fill: RunCacheFill?
        if pull && !options.dryRun {
            let sync = try RemoteSync(workspace: workspace, remote: remote, jobs: 16)
            guard try ReproPull.prefetch(sync, options: options, console: console) else { return .failure }
            fill = useRunCache ? try sync.runCacheFill() : nil
        }
        let session = try ReproSession(
            workspace: workspace, options: options, useRunCache: useRunCache,
            recording: recordRun ? RunRequest(name: runName, command: ["sluice"] + CommandLine.arguments.dropFirst()) : nil,
            binDirectory: Self.binDirectory, runCacheFill: fill)
        let renderer = ReproRenderer(console: console, lockName: session.lockName)
        let interrupts = InterruptForwarder(session.interrupt)
        defer { interrupts.stop() }
        let outcome = try session.run { renderer.show($0) }
        console.warn(outcome.warnings)
        let (report, recordedRun) = (outcome.report, outcome.recordedRun)
        if json {
            var output = report.json
            if case .object(var members) = output, let recordedRun {
                members.insert(("run", .string(recordedRun)), at: 0)
                output = .object(members)
            }
            console.out(JSONWriter.pretty.string(output))
        } else {
            renderer.summarize(report, dryRun: options.dryRun)
            if let recordedRun { console.err("Recorded run \(recordedRun) in runs/") }
        }
        return report.succeeded ? .success : .failure
    }

    /// The folder of this very binary, put first on stages' PATH so `sluice ml …` finds it.
    static var binDirectory: String? {
        guard let executable = Bundle.main.executablePath else { return nil }
        return ((executable as NSString).resolvingSymlinksInPath as NSString).deletingLastPathComponent
    }
}

/// Turns SIGINT into a call, instead of killing sluice, while a repro runs.
final class InterruptForwarder {
    private let source: any DispatchSourceSignal

    init(_ handler: @escaping @Sendable () -> Void) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler(handler: handler)
        source.resume()
    }

    func stop() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
