import Basics

/// What went wrong talking to a remote, naming the remote and the object.
package struct RemoteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The remote's display name.
    package var remote: String
    /// The object key, when one object was concerned.
    package var key: String?
    /// What happened, for people.
    package var message: String
    /// What to do about it.
    package var hint: String?
    /// How many objects it kept from moving: all of a pack's when the pack failed.
    package var objectCount = 1

    /// An error about `remote` (and `key`).
    package init(remote: String, key: String? = nil, _ message: String, hint: String? = nil) {
        self.remote = remote
        self.key = key
        self.message = message
        self.hint = hint
    }

    /// The same error, counting the `objects` of a pack that failed as a whole.
    package func counting(_ objects: Int) -> RemoteError {
        var error = self
        error.objectCount = objects
        return error
    }

    /// `remote 'NAME': object KEY: MESSAGE`.
    package var description: String {
        "remote \(remote)" + (key.map { ": object \($0)" } ?? "") + ": " + message
    }

    /// The error as a diagnostic: a failure (exit 1), with the hint.
    package var diagnostic: Diagnostic { Diagnostic.failure(description, hint: hint) }
}
