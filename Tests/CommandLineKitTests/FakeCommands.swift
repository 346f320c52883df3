import CommandLineKit

// A small command tree shaped like sluice's, so tests exercise groups, aliases,
// inherited options, shadowing, repeating and required arguments, and `--`.

/// A fake command that describes the values it read, so tables can compare text.
protocol FakeCommand: ParsableCommand {
    var summary: String { get }
}

struct FakeSluice: FakeCommand {
    static let file = Option<String>(
        long: "file", short: "f", valueName: "path", help: "The pipeline file.", default: "pipeline.yaml",
        inherited: true)
    static let quiet = Flag(long: "quiet", short: "q", help: "Print only errors.", inherited: true)
    static let verbose = Flag(long: "verbose", short: "v", help: "Print each command as it starts.", inherited: true)

    static let configuration = CommandConfiguration(
        name: "sluice",
        abstract: "Run staged pipelines and record every run.",
        version: "0.1.0",
        subcommands: [FakeRepro.self, FakeParams.self, FakeRun.self],
        arguments: [file, quiet, verbose])

    init(_ values: ParsedValues) {}

    var summary: String { "" }
}

/// The options every fake command inherits from the root, read through the root's
/// declarations.
struct FakeGlobals: Equatable {
    var file: String
    var quiet: Bool
    var verbose: Bool

    init(_ values: ParsedValues) throws {
        file = try values[FakeSluice.file]
        quiet = try values[FakeSluice.quiet]
        verbose = try values[FakeSluice.verbose]
    }

    var summary: String { "file=\(file) quiet=\(quiet) verbose=\(verbose)" }
}

struct FakeRepro: FakeCommand {
    static let force = Flag(long: "force", help: "Run stages even when they are up to date.")
    static let dry = Flag(long: "dry", help: "Show what would run without running it.")
    static let jobs = Option<Int>(
        long: "jobs", short: "j", valueName: "n", help: "Run at most <n> stages at once.", default: 1)
    static let exclude = Option<[String]>(
        long: "exclude", valueName: "stage",
        help: "Skip a stage and everything that depends only on it. Can be repeated.")
    static let runCache = Flag(
        long: "run-cache", help: "Restore outputs from the run-cache when a stage ran before.",
        default: true, inversion: true)
    static let targets = Positional<[String]>(
        "targets", help: "Stages to reproduce, with their dependencies (default: all).", optional: true)

    static let configuration = CommandConfiguration(
        name: "repro",
        abstract: "Reproduce the pipeline: run every stage that is out of date.",
        discussion: """
            A stage is out of date when its command, a dependency, a tracked parameter \
            or an output changed since the lock file recorded it.

            Stages run in dependency order:
              - independent stages run in parallel, up to <n> at once;
              - a failed stage stops the stages that depend on it.
            """,
        arguments: [force, dry, jobs, exclude, runCache, targets],
        examples: ["sluice repro", "sluice repro -j 4 --exclude drift train"])

    var force, dry, runCache: Bool
    var jobs: Int
    var exclude, targets: [String]
    var globals: FakeGlobals

    init(_ values: ParsedValues) throws {
        force = try values[Self.force]
        dry = try values[Self.dry]
        runCache = try values[Self.runCache]
        jobs = try values[Self.jobs]
        guard jobs > 0 else { throw values.invalidValue(Self.jobs, "must be a positive integer") }
        exclude = try values[Self.exclude]
        targets = try values[Self.targets]
        globals = try FakeGlobals(values)
    }

    func validate() throws {
        if force && dry { throw ValidationError("'--force' and '--dry' cannot be used together") }
    }

    var summary: String {
        "force=\(force) dry=\(dry) jobs=\(jobs) exclude=\(exclude) runCache=\(runCache) "
            + "targets=\(targets) \(globals.summary)"
    }
}

struct FakeParams: FakeCommand {
    static let configuration = CommandConfiguration(
        name: "params", abstract: "Show and compare parameters.",
        subcommands: [FakeParamsShow.self, FakeParamsDiff.self])

    init(_ values: ParsedValues) {}

    var summary: String { "" }
}

struct FakeParamsShow: FakeCommand {
    // Shadows the root's --file below `params show`.
    static let file = Option<String>(long: "file", valueName: "path", help: "The params file.", default: "params.yaml")
    static let json = Flag(long: "json", help: "Print JSON.")
    static let keys = Positional<[String]>("keys", help: "Keys to show (default: all).", optional: true)

    static let configuration = CommandConfiguration(
        name: "show",
        abstract: "Show the parameters of a params file.",
        discussion: "Prints every value flattened as `section.key: value`, or as JSON.",
        arguments: [file, json, keys],
        aliases: ["ls"])

    var file: String
    var json: Bool
    var keys: [String]
    var quiet: Bool

    init(_ values: ParsedValues) throws {
        file = try values[Self.file]
        json = try values[Self.json]
        keys = try values[Self.keys]
        quiet = try values[FakeSluice.quiet]
    }

    var summary: String { "file=\(file) json=\(json) keys=\(keys) quiet=\(quiet)" }
}

struct FakeParamsDiff: FakeCommand {
    static let threshold = Option<Double>(
        long: "threshold", valueName: "x", help: "Hide numeric changes smaller than <x>.", default: 0)
    static let old = Positional<String>("old", help: "The revision to compare from.")
    static let new = Positional<String>("new", help: "The revision to compare to.", default: "workspace")

    static let configuration = CommandConfiguration(
        name: "diff",
        abstract: "Compare parameters between two revisions.",
        arguments: [threshold, old, new])

    var threshold: Double
    var old, new: String

    init(_ values: ParsedValues) throws {
        threshold = try values[Self.threshold]
        old = try values[Self.old]
        new = try values[Self.new]
    }

    var summary: String { "threshold=\(threshold) old=\(old) new=\(new)" }
}

struct FakeRun: FakeCommand {
    static let name = Option<String>(long: "name", short: "n", valueName: "stage", help: "The stage's name.")
    static let dep = Option<[String]>(
        long: "dep", short: "d", valueName: "path", help: "A dependency. Can be repeated.")
    static let command = Positional<[String]>("command", help: "The command and its arguments, after '--'.")

    static let configuration = CommandConfiguration(
        name: "run",
        abstract: "Run a command as a one-off stage and record it.",
        arguments: [name, dep, command])

    var name: String
    var deps, command: [String]
    var globals: FakeGlobals

    init(_ values: ParsedValues) throws {
        name = try values[Self.name]
        deps = try values[Self.dep]
        command = try values[Self.command]
        globals = try FakeGlobals(values)
    }

    var summary: String { "name=\(name) deps=\(deps) command=\(command) \(globals.summary)" }
}
