import CommandLineKit
import Testing

/// A command line and what the command it names should have read.
struct ParsingCase: Sendable, CustomTestStringConvertible {
    var arguments: [String]
    var path: [String]
    var summary: String

    init(_ arguments: [String], _ path: [String], _ summary: String) {
        self.arguments = arguments
        self.path = ["sluice"] + path
        self.summary = summary
    }

    var testDescription: String { arguments.joined(separator: " ") }
}

/// The summary `FakeRepro` gives for these values; defaults are what `repro` alone reads.
private func repro(
    force: Bool = false, dry: Bool = false, jobs: Int = 1, exclude: [String] = [],
    runCache: Bool = true, targets: [String] = [], file: String = "pipeline.yaml",
    quiet: Bool = false, verbose: Bool = false
) -> String {
    "force=\(force) dry=\(dry) jobs=\(jobs) exclude=\(exclude) runCache=\(runCache) targets=\(targets) "
        + "file=\(file) quiet=\(quiet) verbose=\(verbose)"
}

@Suite struct ParsingTests {
    static let optionFormCases: [ParsingCase] = [
        .init(["repro"], ["repro"], repro()),
        .init(["repro", "--jobs", "4"], ["repro"], repro(jobs: 4)),
        .init(["repro", "--jobs=4"], ["repro"], repro(jobs: 4)),
        .init(["repro", "-j", "4"], ["repro"], repro(jobs: 4)),
        .init(["repro", "-j4"], ["repro"], repro(jobs: 4)),
        .init(["repro", "--exclude", "drift", "--exclude=export"], ["repro"], repro(exclude: ["drift", "export"])),
        .init(["repro", "--force"], ["repro"], repro(force: true)),
        .init(["repro", "--no-run-cache"], ["repro"], repro(runCache: false)),
        .init(["repro", "--no-run-cache", "--run-cache"], ["repro"], repro(runCache: true)),
        .init(["repro", "--run-cache", "--no-run-cache"], ["repro"], repro(runCache: false)),
        .init(["repro", "train", "--force", "evaluate"], ["repro"], repro(force: true, targets: ["train", "evaluate"])),
        .init(["repro", "-"], ["repro"], repro(targets: ["-"])),
        .init(["repro", "--file="], ["repro"], repro(file: "")),
        .init(["params", "diff", "--threshold", "-0.5", "HEAD"], ["params", "diff"], "threshold=-0.5 old=HEAD new=workspace"),
        .init(["params", "diff", "--threshold=0.25", "a", "b"], ["params", "diff"], "threshold=0.25 old=a new=b"),
        .init(["params", "diff", "-1"], ["params", "diff"], "threshold=0.0 old=-1 new=workspace"),
    ]

    @Test(arguments: optionFormCases)
    func optionForms(_ testCase: ParsingCase) throws {
        try expectParse(testCase)
    }

    static let inheritanceCases: [ParsingCase] = [
        .init(["-q", "repro"], ["repro"], repro(quiet: true)),
        .init(["repro", "-q"], ["repro"], repro(quiet: true)),
        .init(["repro", "-qv"], ["repro"], repro(quiet: true, verbose: true)),
        .init(["-qv", "repro", "--force"], ["repro"], repro(force: true, quiet: true, verbose: true)),
        .init(["repro", "-qvj2"], ["repro"], repro(jobs: 2, quiet: true, verbose: true)),
        .init(["-f", "dvc.yaml", "repro"], ["repro"], repro(file: "dvc.yaml")),
        .init(["repro", "--file=dvc.yaml"], ["repro"], repro(file: "dvc.yaml")),
        .init(["--file", "dvc.yaml", "--verbose", "repro"], ["repro"], repro(file: "dvc.yaml", verbose: true)),
        .init(["-fdvc.yaml", "run", "-n", "x", "--", "true"], ["run"], "name=x deps=[] command=[\"true\"] file=dvc.yaml quiet=false verbose=false"),
        // Two levels down, the root's flags still reach the command, from any level.
        .init(["params", "show", "-q"], ["params", "show"], "file=params.yaml json=false keys=[] quiet=true"),
        .init(["-q", "params", "show"], ["params", "show"], "file=params.yaml json=false keys=[] quiet=true"),
        .init(["params", "-q", "show"], ["params", "show"], "file=params.yaml json=false keys=[] quiet=true"),
        // `show` declares its own --file, which shadows the root's below `show`.
        .init(["-f", "dvc.yaml", "params", "show", "--file", "p.yaml"], ["params", "show"], "file=p.yaml json=false keys=[] quiet=false"),
        .init(["params", "ls", "--json", "train.lr", "train.depth"], ["params", "show"], "file=params.yaml json=true keys=[\"train.lr\", \"train.depth\"] quiet=false"),
    ]

    @Test(arguments: inheritanceCases)
    func inheritance(_ testCase: ParsingCase) throws {
        try expectParse(testCase)
    }

    static let terminatorCases: [ParsingCase] = [
        .init(
            ["run", "-n", "train", "--", "python", "train.py", "--epochs", "3", "-v"], ["run"],
            "name=train deps=[] command=[\"python\", \"train.py\", \"--epochs\", \"3\", \"-v\"] "
                + "file=pipeline.yaml quiet=false verbose=false"),
        .init(
            ["run", "--name", "x", "-d", "a.csv", "-db.csv", "echo", "--", "-n", "--"], ["run"],
            "name=x deps=[\"a.csv\", \"b.csv\"] command=[\"echo\", \"-n\", \"--\"] "
                + "file=pipeline.yaml quiet=false verbose=false"),
        .init(["repro", "--", "--force"], ["repro"], repro(targets: ["--force"])),
    ]

    @Test(arguments: terminatorCases)
    func terminator(_ testCase: ParsingCase) throws {
        try expectParse(testCase)
    }

    private func expectParse(_ testCase: ParsingCase) throws {
        let outcome = try fakeParser.parse(testCase.arguments)
        guard case .run(let command, let path) = outcome else {
            Issue.record("expected a command to run, got \(outcome)")
            return
        }
        #expect(path == testCase.path)
        let fake = try #require(command as? any FakeCommand)
        #expect(fake.summary == testCase.summary)
    }
}
