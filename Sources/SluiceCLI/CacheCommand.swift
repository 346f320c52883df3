import Basics
import CommandLineKit
import Project

/// `sluice cache`: a group for cache maintenance.
struct CacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "cache", abstract: "Inspect and check the content cache.", subcommands: [CacheVerifyCommand.self])

    init(_ values: ParsedValues) throws {}
}

/// `sluice cache verify`: re-hash every object and quarantine corrupt ones.
struct CacheVerifyCommand: RunnableCommand {
    static let json = Flag(long: "json", help: "Print the corrupt objects as JSON.")

    static let configuration = CommandConfiguration(
        name: "verify",
        abstract: "Re-hash every cached object; move corrupt ones to quarantine.",
        discussion: "Exits 1 when an object's bytes do not match its hash; the object is moved to .sluice/cache/quarantine/.",
        arguments: [json])

    let file: String?
    let json: Bool

    init(_ values: ParsedValues) throws {
        file = try values[SluiceCommand.file]
        json = try values[Self.json]
    }

    func run(_ console: Console) throws -> ExitCode {
        let cache = try Workspace.locate(file: file).cacheStore()
        let total = cache.objects().count
        let corrupt = try cache.verify()
        if json {
            console.out(JSONWriter.pretty.string(.object([("objects", .int(total)), ("corrupt", .array(corrupt.map { .string($0.hash) }))])))
        } else {
            for object in corrupt { console.err("error: corrupt object \(object.hash) moved to quarantine") }
            console.out("Checked \(total) objects: \(corrupt.isEmpty ? "all intact" : "\(corrupt.count) corrupt").")
        }
        return corrupt.isEmpty ? .success : .failure
    }
}
