import Basics
import CommandLineKit
import Project
import Remote

/// What `push`, `fetch` and `pull` share: targets, the remote and the parallelism.
enum TransferOptions {
    static let targets = Positional<[String]>("targets", help: "Stages whose outputs to move (default: all).", optional: true)
    static let remote = Option<String?>(long: "remote", short: "r", valueName: "name", help: "The remote (default: the default remote).")
    static let jobs = Option<Int>(long: "jobs", short: "j", valueName: "n", help: "Objects moved at once.", default: 16)

    /// The three, in the order help lists them.
    static let arguments: [any ArgumentDeclaration] = [targets, remote, jobs]

    /// The three as parsed, with the pipeline file.
    struct Values {
        let file: String?, targets: [String], remote: String?, jobs: Int

        init(_ values: ParsedValues) throws {
            file = try values[SluiceCommand.file]
            targets = try values[TransferOptions.targets]
            remote = try values[TransferOptions.remote]
            jobs = try values[TransferOptions.jobs]
            if jobs < 1 { throw values.invalidValue(TransferOptions.jobs, "expected a positive integer") }
        }

        /// The sync with the chosen remote of the project `file` belongs to.
        func sync() throws -> RemoteSync {
            try RemoteSync(workspace: try Workspace.locate(file: file), remote: remote, jobs: jobs)
        }
    }

    /// Prints the failures, one per object, and says how the transfer went.
    static func report(_ summary: ObjectTransfer.Summary, verb: String, console: Console) -> ExitCode {
        for failure in summary.failures {
            console.err("error: " + failure.description + (failure.hint.map { "\n  hint: \($0)" } ?? ""))
        }
        let tail = summary.failures.isEmpty ? "" : ", \(summary.failures.count) failed"
        console.out("\(verb) \(summary.transferred) object\(summary.transferred == 1 ? "" : "s") (\(summary.skipped) already there\(tail))")
        return summary.failures.isEmpty ? .success : .failure
    }
}
