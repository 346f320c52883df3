import Basics
import CommandLineKit
import Experiments
import Foundation
import PipelineEngine
import Project

/// `sluice exp run`: one experiment, or a sweep of them.
struct ExpRunCommand: RunnableCommand {
    static let targets = Positional<[String]>(
        "targets", help: "Stages to reproduce in each experiment, with their upstream (default: all).", optional: true)
    static let set = Option<[String]>(
        long: "set-param", short: "S", valueName: "[file:]key=value",
        help: "Override a param (repeatable); a value list, choice(…), range(…), uniform(…), loguniform(…) or randint(…) sweeps it.")
    static let name = Option<String?>(long: "name", short: "n", valueName: "name", help: "The experiment's name (a sweep's are numbered: name-1, …).")
    static let jobs = Option<Int>(long: "jobs", short: "j", valueName: "n", help: "How many experiments run at once.", default: 1)
    static let random = Option<Int?>(long: "random", valueName: "n", help: "Sample this many points of the sweep instead of the whole grid.")
    static let seed = Option<Int>(long: "seed", valueName: "n", help: "The seed of --random's sampling.", default: 0)
    static let failFast = Flag(long: "fail-fast", help: "Stop the sweep at the first failed experiment.")
    static let apply = Flag(long: "apply", help: "Also write the overrides into the workspace's params files (one experiment only).")
    static let json = Flag(long: "json", help: "Print the experiments' outcomes as JSON.")

    static let configuration = CommandConfiguration(
        name: "run",
        abstract: "Reproduce the pipeline with params overridden, in a temporary copy of the workspace.",
        discussion: """
            Each experiment runs in its own copy under .sluice/tmp/exps/ (small files copied, \
            large ones and cached outputs hard-linked from the cache), sharing the project's \
            cache and run-cache: stages whose inputs an earlier experiment already had are \
            restored, not run, and experiments running at once never run the same stage \
            twice. The workspace's params files are left as they were unless --apply. A key \
            must exist in its params file (params.yaml, or file.yaml:key). A failed \
            experiment is recorded as failed and the sweep goes on (exit 1 at the end); \
            Ctrl-C stops the sweep and keeps the finished experiments.
            """,
        arguments: [targets, set, name, jobs, random, seed, failFast, apply, json],
        examples: [
            "sluice exp run -S train.max_depth=8",
            "sluice exp run -S 'train.max_depth=range(3,9)' -S 'train.learning_rate=choice(0.03,0.1,0.3)' -j 2",
            "sluice exp run -S 'train.learning_rate=loguniform(0.01,0.3)' --random 10 --seed 1",
            "sluice exp run -S config/model.yaml:depth=4 --name deeper",
        ])

    let file: String?
    let targets: [String]
    let overrides: [ParamOverride]
    let name: String?
    let jobs: Int
    let sampling: ExperimentPlan.Sampling
    let failFast: Bool
    let apply: Bool
    let json: Bool

    init(_ values: ParsedValues) throws {
        file = try values[SluiceCommand.file]
        targets = try values[Self.targets]
        overrides = try values[Self.set].map { try ParamOverride(argument: $0) }
        name = try values[Self.name]
        jobs = try values[Self.jobs]
        guard jobs >= 1 else { throw values.invalidValue(Self.jobs, "expected a positive integer") }
        let seed = try values[Self.seed]
        if let count = try values[Self.random] {
            guard count >= 1 else { throw values.invalidValue(Self.random, "expected a positive number of points") }
            sampling = .random(count: count, seed: UInt64(bitPattern: Int64(seed)))
        } else {
            sampling = .grid
        }
        failFast = try values[Self.failFast]
        apply = try values[Self.apply]
        json = try values[Self.json]
    }

    func run(_ console: Console) throws -> ExitCode {
        let workspace = try Workspace.locate(file: file)
        let store = ExperimentStore(workspace: workspace)
        let plan = try ExperimentPlan(overrides: overrides, sampling: sampling, name: name, taken: store.names(), root: workspace.root)
        if apply && plan.definitions.count > 1 {
            throw Diagnostic.error("--apply writes one experiment's params into the workspace, but these overrides make \(plan.definitions.count)",
                                   hint: "run the sweep, then 'sluice exp apply NAME' the one you want")
        }
        let runner = try ExperimentRunner(
            origin: workspace, targets: targets, command: ["sluice"] + CommandLine.arguments.dropFirst(),
            binDirectory: ReproCommand.binDirectory)
        let sweep = ExperimentSweep(runner: runner, definitions: plan.definitions, jobs: jobs, failFast: failFast)
        let total = plan.definitions.count
        // The copies are made from the workspace while the sweep runs: no repro may change it meanwhile.
        let workspaceLock = try ProjectLock(path: workspace.stateDirectory + "/repro.lock")
        let interrupts = InterruptForwarder(sweep.interrupt)
        let results = sweep.run { event in
            switch event {
            case .started(let index, let definition):
                console.err("[\(index + 1)/\(total)] \(definition.name): \(definition.summary.isEmpty ? "no overrides" : definition.summary)")
            case .finished(let index, let result):
                console.err("[\(index + 1)/\(total)] " + ExpRenderer.line(result))
                console.warn(result.warnings)
            }
        }
        interrupts.stop()
        // Applying takes the lock itself.
        workspaceLock.release()
        if apply, let result = results.first, result.succeeded, let applied = try? store.named([result.definition.name]).first {
            let outcome = try ExperimentApplier(workspace: workspace).apply(applied)
            console.err("Applied \(result.definition.name): wrote \(outcome.files.joined(separator: ", "))")
        }
        if json {
            console.out(JSONWriter.pretty.string(.array(results.map(ExpRenderer.json))))
        } else {
            let failed = results.filter { !$0.succeeded }.count
            var summary = "\(results.count - failed) of \(total) experiment\(total == 1 ? "" : "s") finished"
            if failed > 0 { summary += ", \(failed) failed" }
            if sweep.wasInterrupted { summary += "; interrupted, \(total - results.count) not started" }
            console.err(summary + ". 'sluice exp show' compares them.")
        }
        return results.count == total && results.allSatisfy(\.succeeded) ? .success : .failure
    }
}
