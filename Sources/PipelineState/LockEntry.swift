import Basics
import ContentStore

/// What pipeline.lock recorded for one stage after it last succeeded.
package struct LockEntry: Hashable, Sendable {
    /// The commands that ran.
    package var commands: [String]
    /// Dependencies by declared path (relative to the stage's wdir), with their fingerprints then.
    package var dependencies: [LockedPath]
    /// Parameter values then: params file (as declared) → key → value.
    package var parameters: [String: [String: JSONValue]]
    /// Outputs (outs, metrics and plots) by declared path, with their fingerprints then.
    package var outputs: [LockedPath]

    /// Creates an entry.
    package init(commands: [String], dependencies: [LockedPath] = [], parameters: [String: [String: JSONValue]] = [:],
                outputs: [LockedPath] = []) {
        self.commands = commands
        self.dependencies = dependencies
        self.parameters = parameters
        self.outputs = outputs
    }

    /// The commands as one text, as `StageSpec.commandText` gives them.
    package var commandText: String { commands.joined(separator: "\n") }

    /// The recorded dependency at `declaredPath`.
    package func dependency(_ declaredPath: String) -> LockedPath? { dependencies.first { $0.path == declaredPath } }

    /// The recorded output at `declaredPath`.
    package func output(_ declaredPath: String) -> LockedPath? { outputs.first { $0.path == declaredPath } }
}

/// A path as pipeline.lock records it: the declared path and its fingerprint.
package struct LockedPath: Hashable, Sendable {
    /// The path as declared in pipeline.yaml.
    package var path: String
    /// Its content identity when recorded.
    package var fingerprint: Fingerprint

    /// Creates a record.
    package init(path: String, fingerprint: Fingerprint) {
        self.path = path
        self.fingerprint = fingerprint
    }
}
