import CommandLineKit

// A small command tree shaped like sluice's, so tests exercise groups, aliases,
// inherited options, shadowing, repeating and required arguments, and `--`.

/// A fake command that describes the values it read, so tables can compare text.
protocol FakeCommand: ParsableCommand {
    var summary: String { get }
}

struct FakeSluice: FakeCommand {
    static let configuration = CommandConfiguration(
        name: "sluice",
        abstract: "Run staged pipelines and record every run.",
        version: "0.1.0",
        subcommands: [FakeRepro.self, FakeParams.self, FakeRun.self],
        arguments: [
            .option(
                long: "file", short: "f", valueName: "path", help: "The pipeline file.",
                default: "pipeline.yaml", inherited: true),
            .flag(long: "quiet", short: "q", help: "Print only errors.", inherited: true),
            .flag(long: "verbose", short: "v", help: "Print each command as it starts.", inherited: true),
        ])

    init(_ values: ParsedValues) {}

    var summary: String { "" }
}

/// The options every fake command inherits from the root.
struct FakeGlobals: Equatable {
    var file: String?
    var quiet: Bool
    var verbose: Bool

    init(_ values: ParsedValues) {
        file = values.string("file")
        quiet = values.flag("quiet")
        verbose = values.flag("verbose")
    }

    var summary: String { "file=\(file ?? "nil") quiet=\(quiet) verbose=\(verbose)" }
}

struct FakeRepro: FakeCommand {
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
        arguments: [
            .flag(long: "force", help: "Run stages even when they are up to date."),
            .flag(long: "dry", help: "Show what would run without running it."),
            .option(
                long: "jobs", short: "j", valueName: "n", help: "Run at most <n> stages at once.",
                default: "1"),
            .option(
                long: "exclude", valueName: "stage",
                help: "Skip a stage and everything that depends only on it. Can be repeated.",
                repeating: true),
            .flag(
                long: "run-cache", help: "Restore outputs from the run-cache when a stage ran before.",
                default: true, inversion: true),
            .positional(
                "targets", help: "Stages to reproduce, with their dependencies (default: all).",
                optional: true, repeating: true),
        ],
        examples: ["sluice repro", "sluice repro -j 4 --exclude drift train"])

    var force, dry, runCache: Bool
    var jobs: Int
    var exclude, targets: [String]
    var globals: FakeGlobals

    init(_ values: ParsedValues) throws {
        force = values.flag("force")
        dry = values.flag("dry")
        runCache = values.flag("run-cache")
        jobs = try values.int("jobs") ?? 1
        guard jobs > 0 else { throw values.invalidValue("jobs", "must be a positive integer") }
        exclude = values.strings("exclude")
        targets = values.strings("targets")
        globals = FakeGlobals(values)
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
    static let configuration = CommandConfiguration(
        name: "show",
        abstract: "Show the parameters of a params file.",
        discussion: "Prints every value flattened as `section.key: value`, or as JSON.",
        arguments: [
            .option(long: "file", valueName: "path", help: "The params file.", default: "params.yaml"),
            .flag(long: "json", help: "Print JSON."),
            .positional("keys", help: "Keys to show (default: all).", optional: true, repeating: true),
        ],
        aliases: ["ls"])

    var file: String?
    var json: Bool
    var keys: [String]
    var quiet: Bool

    init(_ values: ParsedValues) {
        file = values.string("file")
        json = values.flag("json")
        keys = values.strings("keys")
        quiet = values.flag("quiet")
    }

    var summary: String { "file=\(file ?? "nil") json=\(json) keys=\(keys) quiet=\(quiet)" }
}

struct FakeParamsDiff: FakeCommand {
    static let configuration = CommandConfiguration(
        name: "diff",
        abstract: "Compare parameters between two revisions.",
        arguments: [
            .option(
                long: "threshold", valueName: "x", help: "Hide numeric changes smaller than <x>.",
                default: "0"),
            .positional("old", help: "The revision to compare from."),
            .positional("new", help: "The revision to compare to.", default: "workspace"),
        ])

    var threshold: Double
    var old, new: String

    init(_ values: ParsedValues) throws {
        threshold = try values.double("threshold") ?? 0
        old = values.string("old") ?? ""
        new = values.string("new") ?? ""
    }

    var summary: String { "threshold=\(threshold) old=\(old) new=\(new)" }
}

struct FakeRun: FakeCommand {
    static let configuration = CommandConfiguration(
        name: "run",
        abstract: "Run a command as a one-off stage and record it.",
        arguments: [
            .option(long: "name", short: "n", valueName: "stage", help: "The stage's name.", required: true),
            .option(
                long: "dep", short: "d", valueName: "path", help: "A dependency. Can be repeated.",
                repeating: true),
            .positional("command", help: "The command and its arguments, after '--'.", repeating: true),
        ])

    var name: String
    var deps, command: [String]
    var globals: FakeGlobals

    init(_ values: ParsedValues) {
        name = values.string("name") ?? ""
        deps = values.strings("dep")
        command = values.strings("command")
        globals = FakeGlobals(values)
    }

    var summary: String { "name=\(name) deps=\(deps) command=\(command) \(globals.summary)" }
}
