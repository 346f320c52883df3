import Basics
import CommandLineKit
import Experiments
import Foundation
import Project

/// `sluice gc`: delete cache objects the lock file does not refer to.
struct GcCommand: RunnableCommand {
    static let dry = Flag(long: "dry", help: "List what would be removed; remove nothing.")
    static let keepRuns = Option<Int>(long: "keep-runs", valueName: "n", help: "Also keep what the last N runs in runs/ used.", default: 0)
    static let json = Flag(long: "json", help: "Print the objects removed and the bytes freed as JSON.")

    static let configuration = CommandConfiguration(
        name: "gc",
        abstract: "Remove cached versions the current lock file does not use.",
        discussion: """
            Keeps every object the lock file's outputs need (and, with --keep-runs N, those \
            of the last N recorded runs' lock files, and those of every experiment kept in \
            runs/) and deletes the rest, with the run-cache entries that needed them. --dry \
            lists what would go.
            """,
        arguments: [dry, keepRuns, json],
        examples: ["sluice gc --dry", "sluice gc"])

    let file: String?
    let dryRun: Bool
    let json: Bool
    let keepRuns: Int

    init(_ values: ParsedValues) throws {
        file = try values[SluiceCommand.file]
        dryRun = try values[Self.dry]
        json = try values[Self.json]
        keepRuns = try values[Self.keepRuns]
        guard keepRuns >= 0 else { throw values.invalidValue(Self.keepRuns, "expected a number of runs, 0 or more") }
    }

    func run(_ console: Console) throws -> ExitCode {
        let workspace = try Workspace.locate(file: file)
        // Experiments are kept until removed: what one needs to be applied stays cached.
        let experiments = ExperimentStore(workspace: workspace).referencedLocks()
        let garbage = try workspace.collectGarbage(keepRuns: keepRuns, dryRun: dryRun, keeping: experiments)
        let report = garbage.objects
        if json {
            console.out(JSONWriter.pretty.string(.object([
                ("dry_run", .bool(dryRun)), ("objects", .array(report.removed.map { .string($0.hash) })),
                ("bytes", .int(Int(report.bytes))), ("run_cache_entries", .int(garbage.runCacheEntries)),
            ])))
        } else {
            if dryRun { for object in report.removed { console.out("would remove \(object.hash) (\(ByteCount.text(object.size)))") } }
            let verb = dryRun ? "Would remove" : "Removed"
            console.out("\(verb) \(report.removed.count) objects (\(ByteCount.text(report.bytes))) and \(garbage.runCacheEntries) run-cache entries.")
        }
        return .success
    }
}

/// Sizes for people: `1.5 MB`.
enum ByteCount {
    static func text(_ bytes: Int64) -> String {
        let units = ["B", "kB", "MB", "GB", "TB"]
        var value = Double(bytes), unit = 0
        while value >= 1000 && unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        return unit == 0 ? "\(bytes) B" : String(format: "%.1f %@", value, units[unit])
    }
}
