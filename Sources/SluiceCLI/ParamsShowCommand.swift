import Basics
import CommandLineKit
import Project

/// `sluice params show`: a params file, flattened or as JSON.
struct ParamsShowCommand: RunnableCommand {
    // Shadows the root's --file below `params show`, where the file is the params file.
    static let file = Option<String>(long: "file", valueName: "path", help: "The params file.", default: "params.yaml")
    static let json = Flag(long: "json", help: "Print JSON.")
    static let keys = Positional<[String]>("keys", help: "Keys or sections to show (default: all).", optional: true)

    static let configuration = CommandConfiguration(
        name: "show",
        abstract: "Show the parameters of a params file.",
        discussion: """
            Prints every value flattened as `section.key: value`, or the document as JSON. \
            Give keys (or whole sections) to show only those.
            """,
        arguments: [file, json, keys],
        examples: ["sluice params show", "sluice params show train.learning_rate", "sluice params show --json train"])

    let file: String
    let json: Bool
    let keys: [String]

    init(_ values: ParsedValues) throws {
        file = try values[Self.file]
        json = try values[Self.json]
        keys = try values[Self.keys]
    }

    func run(_ console: Console) throws -> ExitCode {
        let params = try ParamsDocument(file: file)
        let document = params.root
        let selected = try params.values(at: keys)
        if json {
            console.out(JSONWriter.pretty.string(keys.isEmpty ? document : .object(selected)))
        } else if keys.isEmpty, !Self.isObject(document) {
            // A document that is a list or a scalar has no keys to flatten.
            console.out(Self.text(document))
        } else {
            let flat = keys.isEmpty ? document.flattened() : selected.flatMap { $0.value.flattened(prefix: $0.key) }
            for entry in flat { console.out("\(entry.key): \(Self.text(entry.value))") }
        }
        return .success
    }

    static func isObject(_ value: JSONValue) -> Bool {
        if case .object = value { return true }
        return false
    }

    /// A value as shown in flattened form: strings bare, everything else as compact JSON.
    static func text(_ value: JSONValue) -> String {
        if case .string(let s) = value { return s }
        return JSONWriter(indent: nil, sortKeys: false).string(value)
    }
}
