import CommandLineKit
import Testing
@testable import SluiceCLI

/// The whole `sluice` command tree, checked as declared: a mistake in a declaration
/// fails here rather than in a user's hands.
@Suite struct CommandTreeTests {
    static let parser = CommandParser(root: SluiceCommand.self)

    @Test func everyCommandIsWellDeclared() {
        #expect(Self.parser.definitionProblems() == [])
    }

    @Test func theWalkReachesEveryCommand() {
        let paths = Self.parser.commands().map { $0.path.joined(separator: " ") }
        #expect(paths == [
            "sluice", "sluice repro", "sluice status", "sluice dag", "sluice checkout", "sluice gc",
            "sluice cache", "sluice cache verify",
            "sluice params", "sluice params show", "sluice params diff",
            "sluice ml", "sluice ml ingest", "sluice ml prepare", "sluice ml train", "sluice ml tune", "sluice ml evaluate", "sluice ml drift",
            "sluice ml export", "sluice ml promote", "sluice ml registry", "sluice ml registry list", "sluice ml predict",
            "sluice ml explain",
            "sluice metrics", "sluice metrics show", "sluice metrics diff",
            "sluice runs", "sluice runs list", "sluice runs show", "sluice runs compare", "sluice runs report", "sluice runs export",
            "sluice runs gc",
            "sluice plots", "sluice plots show", "sluice plots diff",
            "sluice exp", "sluice exp run", "sluice exp show", "sluice exp apply", "sluice exp remove", "sluice exp gc",
            "sluice remote", "sluice remote add", "sluice remote list", "sluice remote modify", "sluice remote default", "sluice remote remove",
            "sluice push", "sluice pull", "sluice fetch",
            "sluice export", "sluice export airflow", "sluice export github-actions",
        ])
    }

    /// `sluiceMain` runs a parsed command only if it is runnable; a leaf that is not
    /// would exit 2 without a word.
    @Test func everyCommandWithoutSubcommandsRuns() {
        for (path, type) in Self.parser.commands() where type.configuration.subcommands.isEmpty {
            #expect(type is any RunnableCommand.Type, "\(path.joined(separator: " "))")
        }
    }

    /// Parses each command with only its required arguments (each given as `1`, twice
    /// for a list), so its `init` runs to the end and reads every declaration it uses:
    /// one that its configuration does not list is an error.
    @Test func everyCommandReadsOnlyWhatItDeclares() {
        for (path, type) in Self.parser.commands() where type.configuration.subcommands.isEmpty {
            var arguments = Array(path.dropFirst())
            for definition in type.configuration.arguments where definition.isRequired {
                switch definition.kind {
                case .positional: arguments += definition.isRepeating ? ["1", "1"] : ["1"]
                default: arguments += ["--\(definition.name)", "1"]
                }
            }
            do {
                _ = try Self.parser.parse(arguments)
            } catch {
                Issue.record("sluice \(arguments.joined(separator: " ")): \(error.message)")
            }
        }
    }

    /// The options of one stage anywhere parse in both spellings.
    @Test(arguments: [["repro", "-s", "train", "--pull", "-r", "storage"], ["repro", "--single-item", "train", "--pull"],
                      ["status", "-c", "-r", "storage", "--json"], ["push", "train", "--run-cache"], ["pull", "--run-cache"]])
    func oneStageAnywhereOptionsParse(arguments: [String]) {
        do {
            _ = try Self.parser.parse(arguments)
        } catch {
            Issue.record("sluice \(arguments.joined(separator: " ")): \(error.message)")
        }
    }
}
