@testable import CommandLineKit
import Testing

// A deliberately badly declared tree: each mistake appears once (and `leaf` twice).

private struct BadRoot: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "bad", abstract: "A bad tree.", version: "1",
        subcommands: [BadLeaf.self, BadGroup.self, BadLeaf.self],
        arguments: [
            Option<String?>(long: "mode", help: "Not inherited, so useless on a group."),
            Option<String?>(long: "file", short: "f", valueName: "path", help: "Handed down.", inherited: true),
        ])
    init(_ values: ParsedValues) {}
}

private struct BadLeaf: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "leaf", abstract: "A bad leaf.", version: "2",
        arguments: [
            Flag(long: "help", help: "Reserved."),
            Flag(long: "x", short: "x", help: ""),
            Flag(long: "on", help: "On.", default: true),
            Option<String?>(long: "x", short: "x", help: "X."),
            Option<String?>(long: "two-words here", short: "1", help: "Two."),
            // The typed declarations cannot say this; only a raw definition can.
            ArgumentDefinition.option(long: "out", help: "Out.", default: "a", required: true),
            Flag(long: "force", short: "f", help: "Takes the root's -f."),
            Positional<[String]>("rest", help: "Rest."),
            Positional<String?>("maybe", help: "Maybe."),
            Positional<String>("needed", help: "Needed."),
        ])
    init(_ values: ParsedValues) {}
}

private struct BadGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "group", subcommands: [BadGroup.self],
        arguments: [Positional<String>("file", help: "A word.")], aliases: ["g"])
    init(_ values: ParsedValues) {}
}

@Suite struct DefinitionProblemsTests {
    static let leafProblems = [
        "bad leaf: '--help' is reserved for help and version",
        "bad leaf: argument name 'x' is declared twice",
        "bad leaf: short name '-x' is declared twice",
        "bad leaf: short name '-1' is not a letter",
        "bad leaf: argument name 'two-words here' must be a plain word",
        "bad leaf: repeating positional '<rest>' must be the last one",
        "bad leaf: optional positional '<maybe>' comes before a required one",
        "bad leaf: flag '--on' is on by default but has no '--no-on'",
        "bad leaf: required option '--out <out>' has a default that is never used",
        "bad leaf: only the root command can have a version",
        "bad leaf: short name '-f' of '--force' hides the inherited '-f, --file <path>'",
        "bad leaf: '--x' has no help",
    ]

    @Test func reportsEveryMistakeWithItsCommand() {
        #expect(CommandParser(root: BadRoot.self).definitionProblems() == [
            "bad: subcommand name 'leaf' is used twice",
            "bad: '--mode <mode>' on a group must be inherited to reach a subcommand",
        ] + Self.leafProblems + [
            "bad group: a command with subcommands cannot take positionals",
            "bad group: positional '<file>' hides the inherited '-f, --file <path>'",
            "bad group: command has no abstract",
            "bad group group: is its own ancestor",
        ] + Self.leafProblems)
    }

    @Test func listsTheTreeOnceEvenWhenACommandIsItsOwnAncestor() {
        let paths = CommandParser(root: BadRoot.self).commands().map { $0.path.joined(separator: " ") }
        #expect(paths == ["bad", "bad leaf", "bad group", "bad leaf"])
    }
}
