import Basics
import CommandLineKit
import Project

/// `sluice remote list`: the remotes and their settings.
struct RemoteListCommand: RunnableCommand {
    static let json = Flag(long: "json", help: "Print JSON: name, url, options and which is the default.")

    static let configuration = CommandConfiguration(
        name: "list", abstract: "List the remotes (sluice.yaml, then .sluice/config.yaml over it).", arguments: [json])

    let file: String?, json: Bool

    init(_ values: ParsedValues) throws {
        file = try values[SluiceCommand.file]
        json = try values[Self.json]
    }

    func run(_ console: Console) throws -> ExitCode {
        let settings = try RemoteSettings.load(root: try Workspace.locate(file: file).root)
        if json {
            console.out(JSONWriter.pretty.string(.array(settings.remotes.map { remote in
                .object([
                    ("name", .string(remote.name)), ("url", .string(remote.url)), ("default", .bool(remote.name == settings.defaultName)),
                    ("endpointurl", remote.endpointURL.map(JSONValue.string) ?? .null), ("region", remote.region.map(JSONValue.string) ?? .null),
                    ("profile", remote.profile.map(JSONValue.string) ?? .null),
                ])
            })))
            return .success
        }
        guard !settings.remotes.isEmpty else {
            console.out("No remotes: add one with 'sluice remote add -d NAME s3://BUCKET/PREFIX'.")
            return .success
        }
        let rows = settings.remotes.map { remote in
            let options = [("endpointurl", remote.endpointURL), ("region", remote.region), ("profile", remote.profile)]
                .compactMap { name, value in value.map { "\(name)=\($0)" } }.joined(separator: " ")
            return [remote.name + (remote.name == settings.defaultName ? " (default)" : ""), remote.url, options]
        }
        console.out(TextTable(rows: rows).text)
        return .success
    }
}
