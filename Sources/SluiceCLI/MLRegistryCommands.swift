import Basics
import CommandLineKit
import MLTasks

/// `sluice ml promote NAME VERSION`: make a registered version production (also to roll back).
struct MLPromoteCommand: RunnableCommand {
    static let name = Positional<String>("name", help: "The model's name.")
    static let version = Positional<String>("version", help: "The version, e.g. v3.")
    static let registry = Option<String>(long: "registry", valueName: "path", help: "The registry folder.", default: "models/registry")
    static let production = Option<String>(
        long: "production", valueName: "path", help: "Where the production bundle is copied.", default: "models/production/latest")

    static let configuration = CommandConfiguration(
        name: "promote",
        abstract: "Make a registered version production (also to roll back).",
        arguments: [name, version, registry, production],
        examples: ["sluice ml promote housing v3"])

    let registry: ModelRegistry

    init(_ values: ParsedValues) throws {
        registry = ModelRegistry(root: try values[Self.registry], name: try values[Self.name],
                                 productionDirectory: try values[Self.production])
        version = try values[Self.version]
    }

    let version: String

    func run(_ console: Console) throws -> ExitCode {
        try registry.promote(version)
        console.out("\(registry.name) \(version) is production (\(registry.productionDirectory)).")
        return .success
    }
}

/// `sluice ml registry`: a group for registry inspection.
struct MLRegistryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "registry", abstract: "Inspect the model registry.", subcommands: [MLRegistryListCommand.self])

    init(_ values: ParsedValues) throws {}
}

/// `sluice ml registry list`: versions, metrics and which one is production.
struct MLRegistryListCommand: RunnableCommand {
    static let name = Positional<String?>("name", help: "Only this model (default: every model in the registry).")
    static let registry = MLPromoteCommand.registry
    static let json = Flag(long: "json", help: "Print JSON.")

    static let configuration = CommandConfiguration(
        name: "list",
        abstract: "List registered versions, their metrics, and which is production.",
        arguments: [name, registry, json])

    let root: String, name: String?, json: Bool

    init(_ values: ParsedValues) throws {
        root = try values[Self.registry]
        name = try values[Self.name]
        json = try values[Self.json]
    }

    func run(_ console: Console) throws -> ExitCode {
        let names = name.map { [$0] } ?? ModelRegistry.names(in: root)
        var models: [(key: String, value: JSONValue)] = []
        var lines: [String] = []
        for name in names {
            let registry = ModelRegistry(root: root, name: name, productionDirectory: "")
            let (versions, production) = try registry.read()
            models.append((name, .object([
                ("production", production.map(JSONValue.string) ?? .null),
                ("versions", .array(versions.map { version in
                    .object([("version", .string(version.name)), ("created", .string(version.created)),
                             ("metrics", .object(version.metrics.sorted { $0.key < $1.key }.map { (key: $0.key, value: .double($0.value)) }))])
                })),
            ])))
            for version in versions {
                let metrics = version.metrics.sorted { $0.key < $1.key }.map { "\($0.key)=\(NumberFormat.human($0.value))" }
                lines.append("\(name)  \(version.name)\(version.name == production ? " *" : "  ")  \(version.created)  \(metrics.joined(separator: " "))")
            }
        }
        if json {
            console.out(JSONWriter.pretty.string(.object(models)))
        } else if lines.isEmpty {
            console.out("No models registered in \(root).")
        } else {
            lines.forEach(console.out)
            console.out("(* = production)")
        }
        return .success
    }
}
