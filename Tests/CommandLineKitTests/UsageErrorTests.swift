import CommandLineKit
import Testing

/// Command lines that cannot run, and what the error says about them.
@Suite struct UsageErrorTests {
    struct ErrorCase: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var message: String
        var suggestion: String?
        var path: [String]
        var index: Int?

        init(_ arguments: [String], _ message: String, suggest suggestion: String? = nil, in path: [String], at index: Int?) {
            self.arguments = arguments
            self.message = message
            self.suggestion = suggestion
            self.path = ["sluice"] + path
            self.index = index
        }

        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let unknownNameCases: [ErrorCase] = [
        .init(["repro", "--forse"], "unknown option '--forse'", suggest: "--force", in: ["repro"], at: 1),
        .init(["repro", "--jbos=2"], "unknown option '--jbos'", suggest: "--jobs", in: ["repro"], at: 1),
        .init(["repro", "--run-cahce"], "unknown option '--run-cahce'", suggest: "--run-cache", in: ["repro"], at: 1),
        .init(["repro", "--no-force"], "unknown option '--no-force'", in: ["repro"], at: 1),
        .init(["repro", "--xyz"], "unknown option '--xyz'", in: ["repro"], at: 1),
        .init(["repro", "-x"], "unknown option '-x'", in: ["repro"], at: 1),
        .init(["repro", "-qx"], "unknown option '-x' in '-qx'", in: ["repro"], at: 1),
        .init(["repro", "-dry"], "unknown option '-d' in '-dry'", suggest: "--dry", in: ["repro"], at: 1),
        .init(["--verbos", "repro"], "unknown option '--verbos'", suggest: "--verbose", in: [], at: 0),
        .init(["--verison"], "unknown option '--verison'", suggest: "--version", in: [], at: 0),
        .init(["params", "--json"], "unknown option '--json'", in: ["params"], at: 1),
        .init(["repor"], "unknown command 'repor' for 'sluice'", suggest: "repro", in: [], at: 0),
        .init(["-q", "parms", "show"], "unknown command 'parms' for 'sluice'", suggest: "params", in: [], at: 1),
        .init(["params", "shwo"], "unknown command 'shwo' for 'sluice params'", suggest: "show", in: ["params"], at: 1),
        .init(["params", "lx"], "unknown command 'lx' for 'sluice params'", in: ["params"], at: 1),
        .init(["hepl"], "unknown command 'hepl' for 'sluice'", suggest: "help", in: [], at: 0),
        .init(["help", "repor"], "unknown command 'repor' for 'sluice'", suggest: "repro", in: [], at: nil),
        .init(["help", "params", "dif"], "unknown command 'dif' for 'sluice params'", suggest: "diff", in: ["params"], at: nil),
    ]

    @Test(arguments: unknownNameCases)
    func unknownNames(_ testCase: ErrorCase) {
        expectError(testCase)
    }

    static let missingAndExtraCases: [ErrorCase] = [
        .init(["repro", "--jobs"], "missing value for '--jobs <n>'", in: ["repro"], at: 1),
        .init(["repro", "-j"], "missing value for '-j <n>'", in: ["repro"], at: 1),
        .init(["repro", "-qj", "--force"], "missing value for '-j <n>'", in: ["repro"], at: 1),
        .init(["-f", "--", "repro"], "missing value for '-f <path>'", in: [], at: 0),
        .init(["repro", "--force=yes"], "flag '--force' does not take a value", in: ["repro"], at: 1),
        .init(["params", "show", "--file", "a", "--file", "b"], "option '--file <path>' was given more than once", in: ["params", "show"], at: 5),
        .init(["-f", "a", "repro", "-f", "b"], "option '--file <path>' was given more than once", in: ["repro"], at: 4),
        .init(["params", "diff"], "missing expected argument '<old>'", in: ["params", "diff"], at: nil),
        .init(["params", "diff", "a", "b", "c"], "unexpected argument 'c'", in: ["params", "diff"], at: 4),
        .init(["run", "--", "echo"], "missing required option '--name <stage>'", in: ["run"], at: nil),
        .init(["run", "-n", "x"], "missing expected argument '<command>'", in: ["run"], at: nil),
        .init(["-q", "--", "repro"], "unexpected argument 'repro'", in: [], at: 2),
    ]

    @Test(arguments: missingAndExtraCases)
    func missingAndExtraArguments(_ testCase: ErrorCase) {
        expectError(testCase)
    }

    static let invalidValueCases: [ErrorCase] = [
        .init(["repro", "-j", "x"], "invalid value 'x' for '-j <n>': expected an integer", in: ["repro"], at: 2),
        .init(["repro", "-jx"], "invalid value 'x' for '-j <n>': expected an integer", in: ["repro"], at: 1),
        .init(["repro", "--jobs=0"], "invalid value '0' for '--jobs <n>': must be a positive integer", in: ["repro"], at: 1),
        .init(["params", "diff", "--threshold", "abc", "a"], "invalid value 'abc' for '--threshold <x>': expected a number", in: ["params", "diff"], at: 3),
        .init(["params", "diff", "--threshold=nan", "a"], "invalid value 'nan' for '--threshold <x>': expected a number", in: ["params", "diff"], at: 2),
        .init(["repro", "--force", "--dry"], "'--force' and '--dry' cannot be used together", in: ["repro"], at: nil),
    ]

    @Test(arguments: invalidValueCases)
    func invalidValues(_ testCase: ErrorCase) {
        expectError(testCase)
    }

    @Test func errorCarriesUsageAndExitCode() throws {
        let error = try #require(usageError(["params", "show", "--jsn"]))
        #expect(error.exitCode == .usage)
        #expect(error.description == "error: unknown option '--jsn'")
        #expect(error.usage == "USAGE: sluice params show [--file <path>] [--json] [<keys> ...]")
        #expect(error.diagnostic.hint == "did you mean '--json'?")
    }

    private func expectError(_ testCase: ErrorCase, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let error = usageError(testCase.arguments, sourceLocation: sourceLocation) else { return }
        #expect(error.message == testCase.message, sourceLocation: sourceLocation)
        #expect(error.suggestion == testCase.suggestion, sourceLocation: sourceLocation)
        #expect(error.commandPath == testCase.path, sourceLocation: sourceLocation)
        #expect(error.argumentIndex == testCase.index, sourceLocation: sourceLocation)
        #expect(error.exitCode == .usage, sourceLocation: sourceLocation)
    }
}
