import Basics
import ContentStore

/// What pipeline.lock recorded for one stage after it last succeeded.
public struct LockEntry: Hashable, Sendable {
    /// The commands that ran.
    public var commands: [String]
    /// Dependencies by declared path (relative to the stage's wdir), with their fingerprints then.
    public var dependencies: [LockedPath]
    /// Parameter values then: params file (as declared) → key → value.
    public var parameters: [String: [String: JSONValue]]
    /// Outputs (outs, metrics and plots) by declared path, with their fingerprints then.
    public var outputs: [LockedPath]

    /// Creates an entry.
    public init(commands: [String], dependencies: [LockedPath] = [], parameters: [String: [String: JSONValue]] = [:],
                outputs: [LockedPath] = []) {
        self.commands = commands
        self.dependencies = dependencies
        self.parameters = parameters
        self.outputs = outputs
    }

    /// The commands as one text, as `StageSpec.commandText` gives them.
    public var commandText: String { commands.joined(separator: "\n") }

    /// The recorded dependency at `declaredPath`.
    public func dependency(_ declaredPath: String) -> LockedPath? { dependencies.first { $0.path == declaredPath } }

    /// The recorded output at `declaredPath`.
    public func output(_ declaredPath: String) -> LockedPath? { outputs.first { $0.path == declaredPath } }
}

/// A path as pipeline.lock records it: the declared path and its fingerprint.
public struct LockedPath: Hashable, Sendable {
    /// The path as declared in pipeline.yaml.
    public var path: String
    /// Its content identity when recorded.
    public var fingerprint: Fingerprint

    /// Creates a record.
    public init(path: String, fingerprint: Fingerprint) {
        self.path = path
        self.fingerprint = fingerprint
    }
}
