import Basics
import Foundation
import Remote
import YAML

extension RemoteSettings {
    /// What `remote add/modify/remove/default` change, applied to one settings file.
    package enum Change: Sendable {
        /// A new remote; `makeDefault` also makes it the default.
        case add(name: String, url: String, makeDefault: Bool)
        /// One option set (`value`) or removed (nil).
        case modify(name: String, option: String, value: String?)
        /// The remote removed (and the default, when it was this one).
        case remove(name: String)
        /// The default remote.
        case makeDefault(name: String)
    }

    /// Applies `change` to `sluice.yaml` (or, with `local`, `.sluice/config.yaml`) and
    /// writes it whole, atomically. Errors name the remote and say what to do.
    package static func apply(_ change: Change, root: String, local: Bool) throws(Diagnostic) {
        let file = local ? localFile : sharedFile
        let path = root + "/" + file
        var document: [(key: String, value: JSONValue)] = []
        if FileManager.default.fileExists(atPath: path) {
            guard case .object(let members) = try YAML.load(path: path, displayName: file).json else {
                throw Diagnostic.error("\(file) must be a mapping", hint: "fix or remove it")
            }
            document = members
        }
        var remotes: [(key: String, value: JSONValue)] = []
        if case .object(let members)? = document.first(where: { $0.key == "remotes" })?.value { remotes = members }
        let existing = try load(root: root)
        switch change {
        case .add(let name, let url, let makeDefault):
            guard !existing.remotes.contains(where: { $0.name == name }) else {
                throw Diagnostic.error("a remote named '\(name)' exists", hint: "change it with 'sluice remote modify \(name) url URL', or pick another name")
            }
            do throws(RemoteError) { _ = try RemoteDefinition(name: name, url: url).location() } catch { throw Diagnostic.error(error.description, hint: error.hint) }
            remotes.append((name, .object([("url", .string(url))])))
            if makeDefault { set(&document, "default_remote", .string(name)) }
        case .modify(let name, let option, let value):
            var remote = try existing.remote(named: name)
            try remote.set(option, to: value ?? "")
            var options: [(key: String, value: JSONValue)] = []
            if case .object(let members)? = remotes.first(where: { $0.key == name })?.value { options = members }
            options.removeAll { $0.key == option }
            if let value { options.append((option, .string(value))) }
            if let index = remotes.firstIndex(where: { $0.key == name }) { remotes[index].value = .object(options) } else { remotes.append((name, .object(options))) }
        case .remove(let name):
            _ = try existing.remote(named: name)
            guard remotes.contains(where: { $0.key == name }) else {
                throw Diagnostic.error("remote '\(name)' is not in \(file)", hint: local ? "it is in \(sharedFile): remove it without --local" : "it is in \(localFile): remove it with --local")
            }
            remotes.removeAll { $0.key == name }
            if case .string(name)? = document.first(where: { $0.key == "default_remote" })?.value { document.removeAll { $0.key == "default_remote" } }
        case .makeDefault(let name):
            _ = try existing.remote(named: name)
            set(&document, "default_remote", .string(name))
        }
        set(&document, "remotes", .object(remotes))
        let text = "# Remotes of this project (sluice remote add/modify/remove). Credentials never go here.\n" + YAMLEmitter.string(.object(document))
        do {
            if local { try FileManager.default.createDirectory(atPath: root + "/.sluice", withIntermediateDirectories: true) }
            try AtomicFile.write(text, to: path)
        } catch {
            throw Diagnostic.failure("cannot write \(file): \(error)")
        }
    }

    /// Sets `key` in `document`, keeping its place when it is there.
    private static func set(_ document: inout [(key: String, value: JSONValue)], _ key: String, _ value: JSONValue) {
        if let index = document.firstIndex(where: { $0.key == key }) { document[index].value = value } else { document.append((key, value)) }
    }
}
