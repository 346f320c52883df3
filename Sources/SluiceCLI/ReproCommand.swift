import Basics
import CommandLineKit
import Dispatch
import Foundation
import PipelineEngine

/// `sluice repro`: run the stages whose inputs changed.
struct ReproCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        name: "repro",
        abstract: "Run the stages whose dependencies, parameters or commands changed.",
        discussion: """
            Stages run in dependency order; independent stages run in parallel (-j). A stage \
            that re-runs and writes byte-identical outputs leaves its downstream up to date. \
            Each success is recorded in the lock file at once, so an interrupted repro keeps \
            its finished work.
            """,
        arguments: [
            .positional("targets", help: "Stages to reproduce, with their upstream (default: all).", optional: true, repeating: true),
            .flag(long: "force", help: "Run the selected stages even when they are up to date."),
            .flag(long: "downstream", help: "Run the targets and the stages downstream of them."),
            .flag(long: "dry", help: "Print what would run and why; run nothing."),
            .flag(long: "keep-going", short: "k", help: "After a failure, go on with stages that do not depend on it."),
            .option(long: "jobs", short: "j", valueName: "n", help: "How many stages may run at once (default: cores)."),
            .flag(long: "no-run-cache", help: "Run changed stages even when an earlier run with the same inputs is cached."),
            .flag(long: "json", help: "Print the report (executed, skipped, failed stages and reasons) as JSON."),
        ],
        examples: ["sluice repro", "sluice repro train", "sluice repro --dry", "sluice repro -j 4 --keep-going"])

    let file: String?
    let options: ReproOptions
    let json: Bool
    let useRunCache: Bool

    init(_ values: ParsedValues) throws {
        file = values.string("file")
        var options = ReproOptions()
        options.targets = values.strings("targets")
        options.force = values.flag("force")
        options.downstream = values.flag("downstream")
        options.dryRun = values.flag("dry")
        options.keepGoing = values.flag("keep-going")
        options.jobs = try values.int("jobs") ?? ProcessInfo.processInfo.activeProcessorCount
        guard options.jobs >= 1 else { throw values.invalidValue("jobs", "expected a positive integer") }
        self.options = options
        json = values.flag("json")
        useRunCache = !values.flag("no-run-cache")
    }

    func run(_ console: Console) throws -> ExitCode {
        let workspace = try Workspace.locate(file: file)
        let pipeline = try workspace.loadPipeline()
        let projectLock = options.dryRun ? nil : try ProjectLock(path: workspace.stateDirectory + "/repro.lock")
        let reproducer = Reproducer(
            pipeline: pipeline, lock: try workspace.loadLock(), lockPath: workspace.lockPath,
            fingerprinter: workspace.fingerprinter(), logDirectory: workspace.stateDirectory + "/logs",
            cache: try workspace.cacheStore(), useRunCache: useRunCache, binDirectory: Self.binDirectory)
        let interrupts = InterruptForwarder { reproducer.interrupt() }
        let renderer = ReproRenderer(console: console, lockName: workspace.lockName)
        let report = try reproducer.run(options) { renderer.show($0) }
        withExtendedLifetime(projectLock) {}
        interrupts.stop()
        if json {
            console.out(JSONWriter.pretty.string(report.json))
        } else {
            renderer.summarize(report, dryRun: options.dryRun)
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
