import Basics
import Foundation
import Remote
import YAML

/// The project's remotes: `remotes:` and `default_remote:` in `sluice.yaml` at the
/// project root (committed, shared by the team, as DVC's `.dvc/config`), overridden
/// per machine by the same keys in `.sluice/config.yaml` (never committed). Neither
/// ever holds credentials: they come from the environment or `~/.aws/credentials`.
package struct RemoteSettings: Sendable, Equatable {
    /// The remotes, by name, in the order they were added.
    package var remotes: [RemoteDefinition]
    /// The remote `push`/`pull` use without `-r`.
    package var defaultName: String?

    /// The committed settings file.
    package static let sharedFile = "sluice.yaml"
    /// The machine's own settings file, under `.sluice/`.
    package static let localFile = ".sluice/config.yaml"
    /// Keys that would put a secret in a settings file.
    static let secretKeys: Set<String> = ["access_key_id", "secret_access_key", "session_token", "aws_access_key_id", "aws_secret_access_key"]

    /// The settings of the project at `root`: the shared file, then the local one over it.
    package static func load(root: String) throws(Diagnostic) -> RemoteSettings {
        var settings = RemoteSettings(remotes: [], defaultName: nil)
        for file in [sharedFile, localFile] {
            let path = root + "/" + file
            guard FileManager.default.fileExists(atPath: path) else { continue }
            try settings.merge(YAML.load(path: path, displayName: file), file: file)
        }
        return settings
    }

    /// The remote `name` names, else the default one; an error says which exist.
    package func remote(named name: String?) throws(Diagnostic) -> RemoteDefinition {
        guard let wanted = name ?? defaultName else {
            throw remotes.isEmpty
                ? Diagnostic.error("no remote is set up", hint: "add one: sluice remote add -d NAME s3://BUCKET/PREFIX")
                : Diagnostic.error("no default remote", hint: "name one with -r (\(remotes.map(\.name).joined(separator: ", "))), or set one: sluice remote default NAME")
        }
        guard let remote = remotes.first(where: { $0.name == wanted }) else {
            let hint = Suggestion.closest(to: wanted, among: remotes.map(\.name)).map { "did you mean '\($0)'?" }
                ?? (remotes.isEmpty ? "add it: sluice remote add \(wanted) URL" : "the remotes are: \(remotes.map(\.name).joined(separator: ", "))")
            throw Diagnostic.error("no remote named '\(wanted)'", hint: hint)
        }
        return remote
    }

    /// Adds the `remotes:` and `default_remote:` of one settings file.
    mutating func merge(_ document: YAMLNode, file: String) throws(Diagnostic) {
        if let node = document["default_remote"] {
            guard case .string(let name) = node.value else { throw Diagnostic.error("default_remote must be a remote's name", at: node.location) }
            defaultName = name
        }
        guard let node = document["remotes"] else { return }
        guard case .mapping(let pairs) = node.value else { throw Diagnostic.error("remotes must be a mapping of names to settings", at: node.location) }
        for pair in pairs {
            let name = pair.key.jsonKey
            var remote = remotes.first { $0.name == name } ?? RemoteDefinition(name: name, url: "")
            guard case .mapping(let options) = pair.value.value else {
                throw Diagnostic.error("remote '\(name)' must be a mapping with a url", at: pair.value.location)
            }
            for option in options {
                let key = option.key.jsonKey
                guard !Self.secretKeys.contains(key) else {
                    throw Diagnostic.error("\(file) must not hold credentials ('\(key)')", at: option.key.location,
                                           hint: "remove it; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or a profile in ~/.aws/credentials")
                }
                guard option.value.isScalar, option.value.value != .null else {
                    throw Diagnostic.error("remote '\(name)': \(key) must be text", at: option.value.location)
                }
                try remote.set(key, to: option.value.jsonKey, at: option.key.location)
            }
            if let index = remotes.firstIndex(where: { $0.name == name }) { remotes[index] = remote } else { remotes.append(remote) }
        }
    }
}

extension RemoteDefinition {
    /// Sets one option by its settings-file name; an unknown one is a located error.
    mutating func set(_ key: String, to value: String, at location: SourceLocation? = nil) throws(Diagnostic) {
        switch key {
        case "url": url = value
        case "endpointurl": endpointURL = value
        case "region": region = value
        case "profile": profile = value
        default:
            let names = RemoteDefinition.options.map(\.name)
            throw Diagnostic.error("unknown remote option '\(key)'", at: location,
                                   hint: Suggestion.closest(to: key, among: names).map { "did you mean '\($0)'?" } ?? "options: \(names.joined(separator: ", "))")
        }
    }
}
