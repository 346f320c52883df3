import CommandLineKit
import Testing

// A deliberately badly declared tree: each mistake appears once.

private struct BadRoot: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "bad", version: "1",
        subcommands: [BadLeaf.self, BadGroup.self, BadLeaf.self],
        arguments: [.option(long: "mode", help: "Not inherited, so useless on a group.")])
    init(_ values: ParsedValues) {}
}

private struct BadLeaf: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "leaf", version: "2",
        arguments: [
            .flag(long: "help", help: "Reserved."),
            .flag(long: "x", short: "x", help: ""),
            .flag(long: "on", help: "", default: true),
            .option(long: "x", short: "x", help: ""),
            .option(long: "two-words here", short: "1", help: ""),
            .option(long: "out", help: "", default: "a", required: true),
            .positional("rest", help: "", repeating: true),
            .positional("maybe", help: "", optional: true),
            .positional("needed", help: ""),
        ])
    init(_ values: ParsedValues) {}
}

private struct BadGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "group", subcommands: [BadGroup.self],
        arguments: [.positional("word", help: "")], aliases: ["g"])
    init(_ values: ParsedValues) {}
}

@Suite struct DefinitionProblemsTests {
    @Test func reportsEveryMistakeWithItsCommand() {
        #expect(CommandParser(root: BadRoot.self).definitionProblems() == [
            "bad: subcommand name 'leaf' is used twice",
            "bad: '--mode <mode>' on a group must be inherited to reach a subcommand",
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
            "bad group: a command with subcommands cannot take positionals",
            "bad group group: is its own ancestor",
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
        ])
    }
}
