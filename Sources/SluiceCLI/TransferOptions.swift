import Basics
import CommandLineKit
import Project
import Remote

/// What `push`, `fetch` and `pull` share: targets, the remote and the parallelism.
enum TransferOptions {
    static let targets = Positional<[String]>("targets", help: "Stages whose outputs to move (default: all).", optional: true)
    static let remote = Option<String?>(long: "remote", short: "r", valueName: "name", help: "The remote (default: the default remote).")
    static let jobs = Option<Int>(long: "jobs", short: "j", valueName: "n", help: "Objects moved at once.", default: 16)
    static let runCache = Flag(
        long: "run-cache", help: "Also move the targets' run-cache entries and the objects they need (restored, not re-run, elsewhere).")

    /// The options, in the order help lists them.
    static let arguments: [any ArgumentDeclaration] = [targets, remote, jobs, runCache]

    /// The options as parsed, with the pipeline file.
    struct Values {
        let file: String?, targets: [String], remote: String?, jobs: Int, runCache: Bool

        init(_ values: ParsedValues) throws {
            file = try values[SluiceCommand.file]
            targets = try values[TransferOptions.targets]
            remote = try values[TransferOptions.remote]
            jobs = try values[TransferOptions.jobs]
            runCache = try values[TransferOptions.runCache]
            if jobs < 1 { throw values.invalidValue(TransferOptions.jobs, "expected a positive integer") }
        }

        /// The sync with the chosen remote of the project `file` belongs to.
        func sync() throws -> RemoteSync {
            try RemoteSync(workspace: try Workspace.locate(file: file), remote: remote, jobs: jobs)
        }
    }

    /// The transfer of the lock files' objects and, with `--run-cache`, of the run-cache:
    /// `move(sync, progress)` and then `moveRunCache(sync)`, as one summary, with a
    /// redrawn progress line (`verb`: "pushing") on a terminal.
    static func transfer(
        _ options: Values, verb: String, console: Console,
        _ move: (RemoteSync, @escaping @Sendable (TransferProgress) -> Void) throws -> ObjectTransfer.Summary,
        runCache moveRunCache: (RemoteSync) throws -> ObjectTransfer.Summary
    ) throws -> (RemoteSync, ObjectTransfer.Summary) {
        let sync = try options.sync()
        let line = TransferProgressLine.make(verb, console: console)
        defer { line?.clear() }
        var summary = try move(sync) { line?.show($0) }
        line?.clear()
        if options.runCache {
            let entries = try moveRunCache(sync)
            summary.transferred += entries.transferred
            summary.skipped += entries.skipped
            summary.failures += entries.failures
        }
        return (sync, summary)
    }

    /// Prints the failures, one per object or pack, and says how the transfer went.
    static func report(_ summary: ObjectTransfer.Summary, verb: String, console: Console) -> ExitCode {
        for failure in summary.failures {
            console.err("error: " + failure.description + (failure.hint.map { "\n  hint: \($0)" } ?? ""))
        }
        let tail = summary.failures.isEmpty ? "" : ", \(summary.failedObjects) failed"
        console.out("\(verb) \(summary.transferred) object\(summary.transferred == 1 ? "" : "s") (\(summary.skipped) already there\(tail))")
        return summary.failures.isEmpty ? .success : .failure
    }
}
