import CommandLineKit
import Testing

/// Help and version requests, and what each one shows.
@Suite struct OutcomeTests {
    struct HelpCase: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var helpOf: [String]
        var exitCode: ExitCode
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let helpCases: [HelpCase] = [
        .init(arguments: ["--help"], helpOf: [], exitCode: .success),
        .init(arguments: ["-h"], helpOf: [], exitCode: .success),
        .init(arguments: ["help"], helpOf: [], exitCode: .success),
        .init(arguments: ["repro", "--help"], helpOf: ["repro"], exitCode: .success),
        .init(arguments: ["repro", "-qh"], helpOf: ["repro"], exitCode: .success),
        .init(arguments: ["help", "repro"], helpOf: ["repro"], exitCode: .success),
        .init(arguments: ["help", "params", "ls"], helpOf: ["params", "show"], exitCode: .success),
        .init(arguments: ["params", "show", "-h"], helpOf: ["params", "show"], exitCode: .success),
        // Help wins over whatever follows it.
        .init(arguments: ["repro", "--help", "--forse"], helpOf: ["repro"], exitCode: .success),
        // A bare group shows its help, but as an incomplete command.
        .init(arguments: [], helpOf: [], exitCode: .usage),
        .init(arguments: ["-q"], helpOf: [], exitCode: .usage),
        .init(arguments: ["params"], helpOf: ["params"], exitCode: .usage),
    ]

    @Test(arguments: helpCases)
    func help(_ testCase: HelpCase) throws {
        let outcome = try fakeParser.parse(testCase.arguments)
        guard case .help(let text, let exitCode) = outcome else {
            Issue.record("expected help, got \(outcome)")
            return
        }
        #expect(text == (try fakeParser.helpText(for: testCase.helpOf)))
        #expect(exitCode == testCase.exitCode)
    }

    @Test func versionOnTheRoot() throws {
        guard case .version(let version) = try fakeParser.parse(["--version"]) else {
            Issue.record("expected the version")
            return
        }
        #expect(version == "0.1.0")
    }

    @Test func versionIsNotAnOptionOfSubcommands() {
        #expect(usageError(["repro", "--version"])?.message == "unknown option '--version'")
    }

    @Test func exitCodes() {
        #expect(ExitCode.success.rawValue == 0)
        #expect(ExitCode.failure.rawValue == 1)
        #expect(ExitCode.usage.rawValue == 2)
        #expect(ExitCode(130).description == "130")
        #expect(usageError(["repor"])?.exitCode == .usage)
    }

    @Test func fakeTreeIsWellDeclared() {
        #expect(fakeParser.definitionProblems() == [])
    }

    @Test func theTreeListsEveryCommandParentsFirst() {
        let commands = fakeParser.commands()
        #expect(commands.map(\.path) == [
            ["sluice"], ["sluice", "repro"], ["sluice", "params"], ["sluice", "params", "show"],
            ["sluice", "params", "diff"], ["sluice", "run"],
        ])
        #expect(commands.map { $0.type.configuration.name } == ["sluice", "repro", "params", "show", "diff", "run"])
    }
}
